package io.github.accounts.security;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The permission table on PostgreSQL, the database users deploy on: every rule holds there as on H2. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PermissionPostgresTest extends PermissionTest {
}
