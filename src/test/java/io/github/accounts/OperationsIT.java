package io.github.accounts;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
