package io.github.accounts.persistence;

import io.github.accounts.support.MariaDbProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The wait limit on MariaDB. */
@QuarkusTest
@TestProfile(MariaDbProfile.class)
class WaitLimitMariaDbTest extends WaitLimitTest {
}
