package io.github.accounts.persistence;

import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The wait limit on SQLite. */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class WaitLimitSqliteTest extends WaitLimitTest {

    /**
     * Two on SQLite: the driver begins the transaction (BEGIN IMMEDIATE) as soon as the pool enlists the connection, and
     * when that wait fails the first write waits once more.
     */
    @Override
    int transferWaits() {
        return 2;
    }
}
