package io.github.accounts.transfer;

import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The transfer suite on SQLite, whose single writer takes the place of row locks. */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class TransferResourceSqliteTest extends TransferResourceTest {
}
