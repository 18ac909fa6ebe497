package io.github.accounts.persistence;

import io.github.accounts.support.MysqlProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The wait limit on a MySQL build against MariaDB's server. */
@QuarkusTest
@TestProfile(MysqlProfile.class)
class WaitLimitMysqlTest extends WaitLimitTest {
}
