package io.github.accounts.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same against the packaged application, whose main turns Quarkus' bare 400 for an unreadable target off. */
@QuarkusIntegrationTest
class HttpLayerProblemsIT extends HttpLayerProblemsTest {
}
