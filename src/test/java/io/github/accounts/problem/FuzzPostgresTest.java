package io.github.accounts.problem;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** PostgreSQL refuses some text H2 accepts (a NUL character, for one): the fuzz runs there too. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class FuzzPostgresTest extends FuzzTest {
}
