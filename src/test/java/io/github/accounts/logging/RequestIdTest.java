package io.github.accounts.logging;

import static io.github.accounts.support.TestAccounts.as;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.accounts.support.TestLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A call's id is in every line it logs, also the lines of the work it hands to other threads and takes back (the
 * sign-in read, the insert after bcrypt has hashed on its own threads, a patch's write), and it is returned as
 * {@code X-Request-Id}: the caller's own when it is a plain token, else a new one.
 */
@QuarkusTest
class RequestIdTest {

    private static final Pattern LOG_RECORD = Pattern.compile("(?m)^(?=\\d{4}-\\d{2}-\\d{2} )");
    private static final String NEW_ID = "[0-9a-f]{16}";

    @AfterEach
    void echoOff() {
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"false\"}").put("/engine/echo").then().statusCode(200);
    }

    @Test
    void everyLineOfACallShouldCarryItsId() throws Exception {
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"true\"}").put("/engine/echo").then().statusCode(200);
        String username = uniqueName("request-id");
        String signUp = "sign-up-" + System.nanoTime();
        long offset = TestLog.end();
        int id = asAdmin().header("X-Request-Id", signUp).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "password-1")).post("/accounts")
                .then().statusCode(201).header("X-Request-Id", signUp).extract().path("id");
        assertEveryRecordCarries(signUp, TestLog.awaitSince(offset, "insert", 1, Duration.ofSeconds(5)));

        String patch = "patch-" + System.nanoTime();
        offset = TestLog.end();
        as(username, "password-1").header("X-Request-Id", patch).contentType("application/merge-patch+json")
                .body(Map.of("password", "password-2")).patch("/accounts/" + id)
                .then().statusCode(200).header("X-Request-Id", patch);
        assertEveryRecordCarries(patch, TestLog.awaitSince(offset, "update", 1, Duration.ofSeconds(5)));
    }

    private static void assertEveryRecordCarries(String id, String log) {
        List<String> records = LOG_RECORD.splitAsStream(log).filter(record -> !record.isBlank()).toList();
        assertTrue(records.size() >= 3, "the sign-in read, the write and the commit at least: " + log);
        for (String record : records) {
            assertTrue(record.lines().findFirst().orElse("").contains(" " + id + " "), "a line without " + id + ": " + record);
        }
    }

    @Test
    void aCallWithoutAPlainIdShouldGetANewOne() {
        asAdmin().get("/accounts/me").then().statusCode(200).header("X-Request-Id", matchesPattern(NEW_ID));
        asAdmin().header("X-Request-Id", "two words").get("/accounts/me").then().header("X-Request-Id", matchesPattern(NEW_ID));
        asAdmin().header("X-Request-Id", "x".repeat(65)).get("/accounts/me").then().header("X-Request-Id", matchesPattern(NEW_ID));
        asAdmin().header("X-Request-Id", "lb-1:0a.b_c-d").get("/accounts/0").then().statusCode(404)
                .header("X-Request-Id", equalTo("lb-1:0a.b_c-d"));
        asAdmin().get("/accounts/me").then().header("X-Request-Id", not(equalTo(
                asAdmin().get("/accounts/me").header("X-Request-Id"))));
    }
}
