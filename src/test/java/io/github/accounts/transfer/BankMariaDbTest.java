package io.github.accounts.transfer;

import io.github.accounts.support.MariaDbProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The bank test on MariaDB. */
@QuarkusTest
@TestProfile(MariaDbProfile.class)
class BankMariaDbTest extends BankTest {
}
