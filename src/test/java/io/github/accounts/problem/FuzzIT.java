package io.github.accounts.problem;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class FuzzIT extends FuzzTest {
}
