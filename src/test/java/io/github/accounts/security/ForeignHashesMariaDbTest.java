package io.github.accounts.security;

import io.github.accounts.support.MariaDbProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Foreign stored passwords on MariaDB. */
@QuarkusTest
@TestProfile(MariaDbProfile.class)
class ForeignHashesMariaDbTest extends ForeignHashesTest {
}
