package io.github.accounts.security;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The permission table on PostgreSQL, where a recently verified caller's PATCH is one statement that confirms the
 * caller by matching its row: every rule must hold there as it does for the fetch that confirms it elsewhere.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PermissionPostgresTest extends PermissionTest {
}
