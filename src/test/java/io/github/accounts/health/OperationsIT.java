package io.github.accounts.health;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
