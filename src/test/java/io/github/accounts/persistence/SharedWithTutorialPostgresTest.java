package io.github.accounts.persistence;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** PostgreSQL, where the tutorial's code connects through psycopg2 with the service's own URI. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class SharedWithTutorialPostgresTest extends SharedWithTutorialTest {

    SharedWithTutorialPostgresTest() {
        super(PostgresProfile.URI);
    }
}
