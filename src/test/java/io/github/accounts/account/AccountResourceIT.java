package io.github.accounts.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The Account API suite against the packaged application: the jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class AccountResourceIT extends AccountResourceTest {
}
