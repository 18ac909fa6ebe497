package io.github.accounts.transfer;

import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The bank test on SQLite. */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class BankSqliteTest extends BankTest {
}
