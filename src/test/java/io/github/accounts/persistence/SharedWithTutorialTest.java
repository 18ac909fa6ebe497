package io.github.accounts.persistence;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.as;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.Tutorial;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The service first, the tutorial's own Python code beside it on the same database and the same URI, both writing
 * while the service runs: each reads, changes and deletes the other's rows. Subclasses name the database.
 */
abstract class SharedWithTutorialTest {

    private final Tutorial tutorial;

    SharedWithTutorialTest(String uri) {
        this.tutorial = new Tutorial(uri);
    }

    @Test
    void createAllShouldChangeNothingAndARowPythonAddsShouldBeListedAtOnce() {
        List<String> columns = tutorial.columns();
        tutorial.createAll();
        assertEquals(columns, tutorial.columns());

        String username = uniqueName("python");
        Map<String, Object> added = tutorial.add(username, "plain-text-password");
        Response listed = asAdmin().queryParam("username", username).get("/accounts");
        listed.then().statusCode(200)
                .body("id", equalTo(List.of(added.get("id"))))
                .body("tokens", equalTo(List.of(10)))
                .body("verified", equalTo(List.of(false)))
                .body("role", equalTo(List.of("user")));
        assertEquals(instant(added.get("date_created")), Instant.parse(listed.path("dateCreated[0]")));
    }

    @Test
    void pythonShouldReadUpdateAndDeleteRowsTheApiWrote() {
        String username = uniqueName("api");
        long id = create(username, 33);
        Response patched = asAdmin().contentType(ContentType.JSON).body("{\"verified\":true}").patch("/accounts/" + id);
        patched.then().statusCode(200);

        Map<String, Object> row = tutorial.get(username);
        assertEquals((int) id, row.get("id"));
        assertEquals(33, row.get("tokens"));
        assertEquals(true, row.get("verified"));
        assertEquals(Instant.parse(patched.path("dateCreated")), instant(row.get("date_created")));

        tutorial.update(username, "tokens=5", "verified=false");
        asAdmin().get("/accounts/" + id).then().statusCode(200).body("tokens", equalTo(5)).body("verified", equalTo(false));
        tutorial.delete(username);
        asAdmin().get("/accounts/" + id).then().statusCode(404);
        assertNull(tutorial.get(username));
    }

    @Test
    void tokensShouldMoveToAndFromARowPythonAddedAndPythonShouldSeeTheBalance() {
        String username = uniqueName("python-bank");
        long python = ((Number) tutorial.add(username, "plain-text-password").get("id")).longValue();
        long api = create(uniqueName("api-bank"), 20);
        for (long[] move : new long[][] { { api, python, 5 }, { python, api, 3 } }) {
            asAdmin().contentType(ContentType.JSON)
                    .body("{\"from\":" + move[0] + ",\"to\":" + move[1] + ",\"amount\":" + move[2] + "}")
                    .post("/transfers").then().statusCode(201);
        }
        assertEquals(12, tutorial.get(username).get("tokens"));
        asAdmin().get("/accounts/" + python + "/transfers").then().statusCode(200).body("amount", equalTo(List.of(5, 3)));
        asAdmin().get("/accounts/" + api).then().body("tokens", equalTo(18));
    }

    @Test
    void rowsWithPlainTextPasswordsShouldNeverSignIn() {
        String username = uniqueName("plain");
        tutorial.add(username, "plain-text-password");
        assertProblem(as(username, "plain-text-password").get("/accounts/me").then(), 401);
        assertProblem(as(username, "another-password").get("/accounts/me").then(), 401);
    }

    /** SQLAlchemy's isoformat: naive for SQLite's UTC text, with an offset for PostgreSQL's timestamptz. */
    static Instant instant(Object isoformat) {
        String text = (String) isoformat;
        return text.matches(".*[+-]\\d\\d:\\d\\d$") ? OffsetDateTime.parse(text).toInstant()
                : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
}
