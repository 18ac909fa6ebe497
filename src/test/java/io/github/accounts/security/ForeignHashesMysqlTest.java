package io.github.accounts.security;

import io.github.accounts.support.MysqlProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Foreign stored passwords on a MySQL build (against MariaDB). */
@QuarkusTest
@TestProfile(MysqlProfile.class)
class ForeignHashesMysqlTest extends ForeignHashesTest {
}
