package io.github.accounts.account;

import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Optimistic locking end to end: concurrent read-modify-write with If-Match loses no update. It runs on PostgreSQL,
 * where row locks and MVCC behave as in production (it takes about half a minute of retries, so once is enough).
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ConcurrencyTest {

    static final int CLIENTS = 20;
    static final int INCREMENTS = 10;

    @Test
    void twentyClientsIncrementingWithIfMatchShouldLoseNoUpdate() throws Exception {
        long id = create(uniqueName("counter"), 0);
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        while (true) {
                            Response current = asAdmin().get("/accounts/" + id);
                            int tokens = current.path("tokens");
                            int status = asAdmin().contentType("application/merge-patch+json")
                                    .header("If-Match", current.header("ETag"))
                                    .body("{\"tokens\":" + (tokens + 1) + "}")
                                    .patch("/accounts/" + id).statusCode();
                            if (status == 200) {
                                break;
                            }
                            if (status >= 500) {
                                serverErrors.incrementAndGet();
                            }
                            assertTrue(status == 412 || status >= 500, "unexpected " + status);
                            retries.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, serverErrors.get(), "no 5xx");
        assertEquals(CLIENTS * INCREMENTS, (int) asAdmin().get("/accounts/" + id).path("tokens"));
        System.out.printf("concurrency: %d increments, %d retries on 412%n", CLIENTS * INCREMENTS, retries.get());
    }
}
