package io.github.accounts.security;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Foreign stored passwords on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ForeignHashesPostgresTest extends ForeignHashesTest {
}
