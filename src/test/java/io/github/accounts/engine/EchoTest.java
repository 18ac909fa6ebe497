package io.github.accounts.engine;

import static io.github.accounts.support.TestAccounts.uniqueName;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.accounts.support.PlainSql;
import io.github.accounts.support.Problems;
import io.github.accounts.support.TestAccounts;
import io.github.accounts.support.TestLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Echo at work, read from the log file the service writes (the same masking filter guards the console): SQL with its
 * parameters and the transaction boundaries with {@code true}, the rows too with {@code debug}, never a password.
 */
@QuarkusTest
class EchoTest {

    private static final Pattern LOG_RECORD = Pattern.compile("(?m)^(?=\\d{4}-\\d{2}-\\d{2} )");
    private static final Pattern SELECT_FROM_ACCOUNTS = Pattern.compile("(?s)\\bselect\\b.*\\bfrom accounts\\b");
    private static final Pattern SIGN_IN_READ = Pattern.compile("(?s)\\bfrom accounts a left join sign_in_failures\\b");

    @Inject
    DataSource dataSource;

    private static final String PASSWORD = "echo-plain-password";

    @AfterEach
    void echoOff() {
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"false\"}").put("/engine/echo").then().statusCode(200);
    }

    @Test
    void echoTrueShouldLogSqlParametersAndCommitButNoPassword() throws IOException {
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"true\"}").put("/engine/echo")
                .then().statusCode(200).body("echo", equalTo("true"));
        long start = TestLog.end();
        String username = uniqueName("echo");
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/accounts").then().statusCode(201);

        String log = TestLog.since(start);
        assertTrue(log.contains("BEGIN (implicit)"), log);
        assertTrue(log.contains("insert into accounts"), log);
        assertTrue(log.contains("<- [" + username + "]"), "bind parameters are shown: " + log);
        assertTrue(log.contains("<- [***]"), "the hash is bound, masked: " + log);
        assertTrue(log.contains("COMMIT"), log);
        assertFalse(log.contains("extracted value (7:VARCHAR) -> [" + username), "rows only with debug");
        assertNoPassword(log);
    }

    @Test
    void echoDebugShouldAlsoLogTheRowsButNoPassword() throws IOException {
        String username = uniqueName("echo-debug");
        Object id = asAdmin().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/accounts").then().statusCode(201).extract().path("id");
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"debug\"}").put("/engine/echo").then().statusCode(200);
        long start = TestLog.end();

        asAdmin().queryParam("username", username).get("/accounts").then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("password", "changed-" + PASSWORD))
                .patch("/accounts/" + id).then().statusCode(200);

        String log = TestLog.since(start);
        assertTrue(log.contains("select "), log);
        assertTrue(log.contains("-> [" + username + "]"), "rows are shown: " + log);
        assertTrue(log.contains("-> [***]"), "the stored hash is read, masked: " + log);
        assertTrue(log.contains("update accounts"), log);
        assertNoPassword(log);
    }

    @Test
    void echoDebugShouldNeverShowThePasswordColumnWhateverItHolds() throws Exception {
        String username = uniqueName("echo-plain");
        String stored = "plain-" + username;
        PlainSql.insert(dataSource, Map.of("username", username, "password", stored));
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"debug\"}").put("/engine/echo").then().statusCode(200);
        long start = TestLog.end();

        asAdmin().queryParam("username", username).get("/accounts").then().statusCode(200);
        TestAccounts.as(username, stored).get("/accounts/me").then().statusCode(401);

        String log = TestLog.since(start);
        assertTrue(log.contains("-> [" + username + "]"), "rows are shown: " + log);
        assertTrue(log.contains("-> [***]"), "the password column is read, masked: " + log);
        assertFalse(log.contains(stored), "the stored value is never logged: " + log);
    }

    @Test
    void aRememberedSignInShouldStillReadTheCredentialAsStoredNowOncePerCall() throws IOException {
        String username = uniqueName("echo-once");
        long id = TestAccounts.create(username);
        RequestSpecification caller = rememberedThenEchoOn(username, id);
        long start = TestLog.end();

        caller.get("/accounts/" + id).then().statusCode(200);

        String log = TestLog.since(start);
        assertEquals(1, statements(log, SIGN_IN_READ), "one read of the caller's credential: " + log);
        assertEquals(2, selectsFromAccounts(log), "the credential, then the account: " + log);
        assertNoPassword(log);
    }

    /** The account signed in once (so its credential is remembered), then echo on. */
    private static RequestSpecification rememberedThenEchoOn(String username, long id) {
        RequestSpecification caller = TestAccounts.as(username, TestAccounts.passwordOf(username));
        caller.get("/accounts/" + id).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"true\"}").put("/engine/echo").then().statusCode(200);
        return caller;
    }

    /** The statements in the log that select from {@code accounts}; one may span several lines. */
    private static long selectsFromAccounts(String log) {
        return statements(log, SELECT_FROM_ACCOUNTS);
    }

    private static long statements(String log, Pattern matching) {
        return LOG_RECORD.splitAsStream(log).filter(record -> record.contains("[org.hib.SQL]"))
                .filter(record -> matching.matcher(record).find()).count();
    }

    @Test
    void echoOffShouldLogNoSql() throws IOException {
        long start = TestLog.end();
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", uniqueName("quiet"), "password", PASSWORD))
                .post("/accounts").then().statusCode(201);
        assertFalse(TestLog.since(start).contains("insert into accounts"));
    }

    @Test
    void unknownEchoShouldAnswer400() {
        Problems.assertInvalid(asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"loud\"}").put("/engine/echo").then(), "echo");
        Problems.assertInvalid(asAdmin().contentType(ContentType.JSON).body("{\"level\":\"true\"}").put("/engine/echo").then(), "level");
    }

    private static void assertNoPassword(String log) {
        assertFalse(log.contains(PASSWORD), "plain password logged");
        assertFalse(log.matches("(?s).*\\$2[abxy]?\\$\\d\\d\\$.*"), "hash logged");
    }
}
