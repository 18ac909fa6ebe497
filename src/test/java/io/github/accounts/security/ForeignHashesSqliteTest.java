package io.github.accounts.security;

import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Foreign stored passwords on SQLite. */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class ForeignHashesSqliteTest extends ForeignHashesTest {
}
