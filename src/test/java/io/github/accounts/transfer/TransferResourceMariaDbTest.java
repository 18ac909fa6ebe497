package io.github.accounts.transfer;

import io.github.accounts.support.MariaDbProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The transfer suite on MariaDB (InnoDB row locks, foreign keys). */
@QuarkusTest
@TestProfile(MariaDbProfile.class)
class TransferResourceMariaDbTest extends TransferResourceTest {
}
