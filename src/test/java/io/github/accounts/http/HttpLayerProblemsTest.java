package io.github.accounts.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.github.accounts.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the HTTP layer refuses before any resource runs is a problem like every other answer: a request target too
 * long (414), headers too large (431), a request target that is no URI (400). Sent over a raw socket, because HTTP
 * clients refuse to build such requests.
 */
@QuarkusTest
class HttpLayerProblemsTest {

    @Test
    void aLongRequestTargetShouldBeA414Problem() throws Exception {
        assertProblem(RawHttp.send("GET", "/accounts?username=" + "a".repeat(10_000)), "414");
    }

    @Test
    void oneLargeHeaderShouldBeA431Problem() throws Exception {
        assertProblem(RawHttp.sendWithHeaders("GET", "/accounts", "X-Large: " + "a".repeat(30_000) + "\r\n"), "431");
    }

    @Test
    void manyHeadersShouldBeA431Problem() throws Exception {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            headers.append("X-Header-").append(i).append(": ").append("v".repeat(90)).append("\r\n");
        }
        assertProblem(RawHttp.sendWithHeaders("GET", "/accounts", headers.toString()), "431");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/accounts/%ZZ", "/accounts/%", "/accounts?username=%ZZ", "/accounts?username=a%2", "/accounts/a%20b%G1" })
    void aRequestTargetWithBrokenPercentEncodingShouldBeA400Problem(String target) throws Exception {
        assertProblem(RawHttp.send("GET", target), "400");
    }

    /** {@code Content-Length: 0}: Vert.x leaves a body of no bytes unset, and Quarkus REST then waited for it on a worker thread until it timed out. */
    @ParameterizedTest
    @ValueSource(strings = { "POST /accounts", "PATCH /accounts/1", "PUT /engine/echo", "POST /transfers" })
    void anEmptyBodyShouldBeA400ProblemAtOnce(String call) throws Exception {
        String[] methodAndTarget = call.split(" ");
        assertProblem(RawHttp.send(methodAndTarget[0], methodAndTarget[1], "application/json", new byte[0]), "400");
    }

    private static void assertProblem(String[] answer, String status) {
        assertEquals(status, answer[0], answer[2] + "\r\n\r\n" + answer[1]);
        assertTrue(answer[2].toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer[2]);
        assertTrue(answer[1].contains("\"status\":" + status), answer[1]);
    }
}
