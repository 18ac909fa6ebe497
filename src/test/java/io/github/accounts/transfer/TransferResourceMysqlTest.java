package io.github.accounts.transfer;

import io.github.accounts.support.MysqlProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The transfer suite on MySQL's driver against MariaDB. */
@QuarkusTest
@TestProfile(MysqlProfile.class)
class TransferResourceMysqlTest extends TransferResourceTest {
}
