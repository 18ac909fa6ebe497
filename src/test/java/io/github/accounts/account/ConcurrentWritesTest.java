package io.github.accounts.account;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Many clients writing at once: read-modify-write with If-Match loses no update, and concurrent array creates store
 * every row, with no 5xx either way. (Concurrent patches without If-Match are in {@link AccountResourceTest}, on every
 * database.) It runs where writers really contend: PostgreSQL's row locks and MVCC, and
 * SQLite's single writer (subclasses). It takes about half a minute of retries per database, so once each is enough.
 */
abstract class ConcurrentWritesTest {

    static final int CLIENTS = 20;
    static final int INCREMENTS = 10;
    /** Far more than any client needs among twenty (each round, one of those still waiting wins). */
    static final int MAX_ATTEMPTS = 200;

    @Test
    void twentyClientsIncrementingWithIfMatchShouldLoseNoUpdate() throws Exception {
        long id = create(uniqueName("counter"), 0);
        AtomicInteger retries = new AtomicInteger();
        inParallel(CLIENTS, client -> {
            for (int i = 0; i < INCREMENTS; i++) {
                for (int attempt = 1;; attempt++) {
                    Response current = asAdmin().get("/accounts/" + id);
                    int tokens = current.path("tokens");
                    int status = asAdmin().contentType("application/merge-patch+json")
                            .header("If-Match", current.header("ETag"))
                            .body("{\"tokens\":" + (tokens + 1) + "}")
                            .patch("/accounts/" + id).statusCode();
                    if (status == 200) {
                        break;
                    }
                    assertEquals(412, status, "only a stale If-Match refuses an increment");
                    assertTrue(attempt < MAX_ATTEMPTS, "an increment was refused " + MAX_ATTEMPTS + " times");
                    retries.incrementAndGet();
                }
            }
        });
        assertEquals(CLIENTS * INCREMENTS, (int) asAdmin().get("/accounts/" + id).path("tokens"));
        System.out.printf("concurrency: %d increments, %d retries on 412%n", CLIENTS * INCREMENTS, retries.get());
    }

    @Test
    void concurrentArrayCreatesShouldStoreEveryRow() throws Exception {
        String prefix = uniqueName("crowd");
        int clients = 8;
        int perArray = 10;
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        inParallel(clients, client -> {
            List<Map<String, Object>> accounts = new ArrayList<>();
            for (int i = 0; i < perArray; i++) {
                accounts.add(Map.of("username", prefix + "-" + client + "-" + i, "password", "password-" + i));
            }
            statuses.add(asAdmin().contentType(ContentType.JSON).body(accounts).post("/accounts").statusCode());
        });
        assertEquals(java.util.Collections.nCopies(clients, 201), statuses);
        for (int client = 0; client < clients; client++) {
            for (int i = 0; i < perArray; i++) {
                asAdmin().queryParam("username", prefix + "-" + client + "-" + i).get("/accounts").then().statusCode(200)
                        .body("size()", org.hamcrest.Matchers.equalTo(1));
            }
        }
    }

    /**
     * With sign-in resolved lazily, a call that may be anonymous but asks who is calling (an admin-only field) must not
     * resolve its caller on the worker that runs it: signing in needs a worker too, and with every worker waiting
     * for a sign-in no sign-in could finish.
     */
    @Test
    void moreAdminSignUpsAtOnceThanWorkersShouldAllBeAnswered() throws Exception {
        String prefix = uniqueName("outnumber");
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        inParallel(16, client -> statuses.add(asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", prefix + "-" + client, "password", "password-" + client, "tokens", 5))
                .post("/accounts").statusCode()));
        assertEquals(java.util.Collections.nCopies(16, 201), statuses);
    }

    interface Client {
        void run(int client) throws Exception;
    }

    static void inParallel(int clients, Client body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit((Callable<Void>) () -> {
                    body.run(client);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
