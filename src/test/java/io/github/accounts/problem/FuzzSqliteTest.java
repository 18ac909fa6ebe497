package io.github.accounts.problem;

import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** SQLite types values by what they hold, not by the column: the fuzz runs there too. */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class FuzzSqliteTest extends FuzzTest {
}
