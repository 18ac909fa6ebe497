package io.github.accounts.transfer;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The transfer suite on PostgreSQL: row locks, foreign keys and the key's unique index as the server enforces them. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class TransferResourcePostgresTest extends TransferResourceTest {
}
