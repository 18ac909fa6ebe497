package io.github.accounts.persistence;

import static io.github.accounts.support.TestAccounts.asAdmin;
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
}
