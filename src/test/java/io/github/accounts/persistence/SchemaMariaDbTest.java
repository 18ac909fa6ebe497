package io.github.accounts.persistence;

import io.github.accounts.support.MariaDbProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(MariaDbProfile.class)
class SchemaMariaDbTest extends SchemaTest {
}
