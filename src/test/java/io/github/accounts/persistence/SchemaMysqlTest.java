package io.github.accounts.persistence;

import io.github.accounts.support.MysqlProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(MysqlProfile.class)
class SchemaMysqlTest extends SchemaTest {
}
