package io.github.accounts.persistence;

import static io.github.accounts.support.TestAccounts.as;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.passwordOf;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * {@code sqlite://}, SQLAlchemy's in-memory database: it belongs to one connection, so however many calls arrive at
 * once, they all see the one database (a second connection would open an empty one).
 */
@QuarkusTest
@TestProfile(InMemorySqliteTest.InMemory.class)
class InMemorySqliteTest {

    public static class InMemory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("database.uri", "sqlite://");
        }
    }

    @Test
    void concurrentCallsShouldAllSeeTheOneDatabase() throws Exception {
        String prefix = uniqueName("memory");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                String username = prefix + "-" + c;
                statuses.add(clients.submit(() -> asAdmin().contentType(ContentType.JSON)
                        .body(Map.of("username", username, "password", "password-1")).post("/accounts").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(201, status.get());
            }
        } finally {
            clients.shutdownNow();
        }
        asAdmin().get("/accounts?limit=1000").then().statusCode(200).body("findAll { it.username.startsWith('" + prefix
                + "') }.size()", equalTo(8));
    }

    /**
     * A delete whose remembered credential no longer matches checks it afresh and counts the failure, each on the one
     * connection: it must not hold it meanwhile (it did, in a transaction, and answered 503 a second later).
     */
    @Test
    void aDeleteWithARememberedPasswordThatChangedSinceShouldBe401() {
        String username = uniqueName("memory-delete");
        long id = create(username);
        as(username, passwordOf(username)).get("/accounts/" + id).then().statusCode(200); // verified, and remembered
        asAdmin().contentType("application/merge-patch+json").body("{\"password\":\"the-new-password\"}")
                .patch("/accounts/" + id).then().statusCode(200);
        as(username, passwordOf(username)).delete("/accounts/" + id).then().statusCode(401);
        as(username, "the-new-password").delete("/accounts/" + id).then().statusCode(204);
        asAdmin().get("/accounts/" + id).then().statusCode(404);
    }
}
