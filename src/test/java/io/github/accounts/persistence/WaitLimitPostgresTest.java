package io.github.accounts.persistence;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The wait limit on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class WaitLimitPostgresTest extends WaitLimitTest {
}
