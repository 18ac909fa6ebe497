package io.github.accounts.logging;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.accounts.support.TestLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A client-sent name or value never forges a log line: its control characters are logged escaped. */
@QuarkusTest
class LogInjectionTest {

    private static final String FORGED = "FORGED ERROR [io.github.accounts] the admin password is hunter2";

    @AfterEach
    void echoOff() {
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"false\"}").put("/engine/echo").then().statusCode(200);
    }

    @Test
    void aNewLineInAJsonKeyShouldNotForgeALine() throws IOException {
        long start = TestLog.end();
        asAdmin().contentType(ContentType.JSON)
                .body("{\"username\":\"valid-name\",\"password\":\"password-1\",\"x\\n" + FORGED + "\":1}")
                .post("/accounts").then().statusCode(400);
        assertNotForged(TestLog.since(start));
    }

    @Test
    void aNewLineInAFilterNameShouldNotForgeALine() throws IOException {
        long start = TestLog.end();
        asAdmin().urlEncodingEnabled(false).get("/accounts?x%0D%0A" + FORGED.replace(" ", "%20") + "=1").then().statusCode(400);
        assertNotForged(TestLog.since(start));
    }

    @Test
    void aNewLineInAnEchoedFilterValueShouldNotForgeALine() throws IOException {
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"true\"}").put("/engine/echo").then().statusCode(200);
        long start = TestLog.end();
        asAdmin().urlEncodingEnabled(false).get("/accounts?username=x%0A" + FORGED.replace(" ", "%20")).then().statusCode(200);
        String log = TestLog.since(start);
        assertTrue(log.contains("x\\n" + FORGED), "the value is logged, escaped: " + log);
        assertNotForged(log);
    }

    private static void assertNotForged(String log) {
        assertTrue(log.contains(FORGED), "the name is logged: " + log);
        assertFalse(log.lines().anyMatch(line -> line.startsWith("FORGED")), "a line was forged: " + log);
    }
}
