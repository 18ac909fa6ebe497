package io.github.accounts.engine;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.accounts.support.PostgresProfile;
import io.github.accounts.support.TestAccounts;
import io.github.accounts.support.TestLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What echo shows of a recently verified caller's PATCH on PostgreSQL: one statement that also confirms the caller. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class EchoPostgresTest {

    @AfterEach
    void echoOff() {
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"false\"}").put("/engine/echo").then().statusCode(200);
    }

    @Test
    void aRecentlyVerifiedSignInShouldBeCheckedInTheStatementThatChangesTheRow() throws IOException {
        String username = uniqueName("echo-pg");
        long id = TestAccounts.create(username);
        RequestSpecification caller = EchoTest.rememberedThenEchoOn(username, id);
        long start = TestLog.end();

        String etag = caller.contentType("application/merge-patch+json").body(Map.of("username", username + "-2"))
                .patch("/accounts/" + id).then().statusCode(200).body("username", equalTo(username + "-2"))
                .extract().header("ETag");
        asAdmin().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"tokens\":7}")
                .patch("/accounts/" + id).then().statusCode(200).body("tokens", equalTo(7));

        String log = TestLog.since(start);
        assertEquals(0, EchoTest.selectsFromAccounts(log), "no select before either change: " + log);
        assertEquals(2, log.split("update accounts a set", -1).length - 1, "one statement each: " + log);
        assertFalse(log.contains("BEGIN"), "each runs as its own transaction: " + log);
        assertTrue(log.contains("<- [***]"), "the caller's hash is matched, masked: " + log);
        assertFalse(log.contains("$2"), "no hash in the log: " + log);
    }
}
