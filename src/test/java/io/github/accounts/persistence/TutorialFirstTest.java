package io.github.accounts.persistence;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.as;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static io.github.accounts.support.TutorialFirstDatabase.DELETED;
import static io.github.accounts.support.TutorialFirstDatabase.GUEST;
import static io.github.accounts.support.TutorialFirstDatabase.GUEST_PASSWORD;
import static io.github.accounts.support.TutorialFirstDatabase.NICKNAME;
import static io.github.accounts.support.TutorialFirstDatabase.NICKNAME_INDEX;
import static io.github.accounts.support.TutorialFirstDatabase.PATCHED;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PlainSql;
import io.github.accounts.support.Tutorial;
import io.github.accounts.support.TutorialFirstDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The tutorial's own Python code came first ({@link TutorialFirstDatabase}): the service starts on its table, adds the
 * columns it needs, keeps every row, and serves, patches and deletes them. Subclasses name the database.
 */
abstract class TutorialFirstTest {

    private final Tutorial tutorial;

    @Inject
    DataSource dataSource;

    TutorialFirstTest(String uri) {
        this.tutorial = new Tutorial(uri);
    }

    /** The service on a database the tutorial's code made, with the schema updated as in production, not dropped. */
    abstract static class Profile implements QuarkusTestProfile {
        private final String uri;

        Profile(String uri) {
            this.uri = uri;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("database.uri", uri, "quarkus.hibernate-orm.schema-management.strategy", "update");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TutorialFirstDatabase.class, Map.of("uri", uri)));
        }
    }

    @Test
    void serviceShouldAddItsColumnsAndKeepTheRowsAsPythonWroteThem() {
        assertTrue(tutorial.columns().containsAll(List.of("id", "username", "password", "tokens", "verified",
                "date_created", "role", "version", "last_updated")), tutorial.columns().toString());
        Map<String, Object> guest = tutorial.get(GUEST);
        Response served = asAdmin().queryParam("username", GUEST).get("/accounts");
        served.then().statusCode(200)
                .body("id", equalTo(List.of(guest.get("id"))))
                .body("tokens", equalTo(List.of(10)))
                .body("verified", equalTo(List.of(false)))
                .body("role", equalTo(List.of("user")));
        assertEquals(SharedWithTutorialTest.instant(guest.get("date_created")), Instant.parse(served.path("dateCreated[0]")));
        asAdmin().get("/accounts/" + guest.get("id")).then().statusCode(200).header("ETag", "\"0\"");
        assertEquals(GUEST_PASSWORD, guest.get("password"), "the row as Python wrote it");
    }

    @Test
    void aColumnAndAnIndexThatOnlyTheOtherProgramKnowsShouldBeKept() {
        assertEquals("Guesty", tutorial.scalar("SELECT " + NICKNAME + " FROM accounts WHERE username = '" + GUEST + "'"));
        assertTrue(tutorial.indexes().contains(NICKNAME_INDEX), tutorial.indexes().toString());
    }

    @Test
    void rowsPythonWroteShouldBePatchedAndDeletedThroughTheApi() {
        Object patched = tutorial.get(PATCHED).get("id");
        asAdmin().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"tokens\":7,\"verified\":true}")
                .patch("/accounts/" + patched).then().statusCode(200).header("ETag", "\"1\"");
        assertEquals(7, tutorial.get(PATCHED).get("tokens"));
        assertEquals(true, tutorial.get(PATCHED).get("verified"));

        Object deleted = tutorial.get(DELETED).get("id");
        asAdmin().delete("/accounts/" + deleted).then().statusCode(204);
        assertNull(tutorial.get(DELETED));
    }

    /** The table the tutorial made is rebuilt with AUTOINCREMENT ids where SQLite would hand the newest id out again. */
    @Test
    void anIdShouldNeverBeHandedOutTwiceWhoeverWritesTheNextRow() {
        String newest = uniqueName("newest");
        long deleted = create(newest);
        asAdmin().delete("/accounts/" + deleted).then().statusCode(204);
        long next = ((Number) tutorial.add(uniqueName("python"), "python-password").get("id")).longValue();
        assertTrue(next > deleted, "Python's next row got id " + next + " after " + deleted + " was deleted");
        assertTrue(create(uniqueName("api")) > next);
    }

    @Test
    void aRowWithOnlyUsernameAndPasswordShouldBeServedWithTheDefaults() throws SQLException {
        String username = uniqueName("plain-sql");
        PlainSql.insert(dataSource, Map.of("username", username, "password", "not-a-hash"));
        asAdmin().queryParam("username", username).get("/accounts").then().statusCode(200)
                .body("tokens", equalTo(List.of(10)))
                .body("verified", equalTo(List.of(false)))
                .body("role", equalTo(List.of("user")));
    }

    @Test
    void plainTextPasswordsPythonStoredShouldNeverSignIn() {
        assertProblem(as(GUEST, GUEST_PASSWORD).get("/accounts/me").then(), 401);
    }
}
