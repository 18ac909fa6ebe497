package io.github.accounts.health;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Readiness means "cannot serve", not "busy": while every worker thread is stuck (here on a table another program has
 * locked, each call until the wait limit, 2 s here), readiness stays UP at first, says DOWN once no worker has been free
 * for longer than the wait limit, answering at once all the while, and is UP again once the workers are free. The stuck
 * calls answer 503 with Retry-After. Liveness stays UP: nothing a restart would mend.
 */
@QuarkusTest
@TestProfile(ReadinessPostgresTest.FewWorkers.class)
class ReadinessPostgresTest {

    static final int WORKERS = 4;
    static final int CALLS = WORKERS * 4;

    /** PostgreSQL, with few worker threads, so that a handful of stuck calls hold them all, and a short wait limit. */
    public static class FewWorkers extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.thread-pool.max-threads", Integer.toString(WORKERS));
            config.put("database.wait-limit", "2S");
            return config;
        }
    }

    @Test
    void readinessShouldSayDownOnlyOnceNoWorkerHasBeenFreeForTheWaitLimit() throws Exception {
        long id = create(uniqueName("ready"));
        given().get("/q/health/ready").then().statusCode(200);
        ExecutorService clients = Executors.newFixedThreadPool(CALLS);
        List<Future<Integer>> calls = new ArrayList<>();
        try (Connection locker = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("lock table accounts in access exclusive mode");
            }
            for (int i = 0; i < CALLS; i++) {
                calls.add(clients.submit(() -> asAdmin().get("/accounts/" + id).statusCode()));
            }
            Thread.sleep(200); // the calls now wait for the lock, each on a worker thread, or for a worker
            Response busy = given().get("/q/health/ready");
            assertEquals(200, busy.statusCode(), "busy is not down: " + busy.asString());

            Response ready = given().get("/q/health/ready");
            long deadline = System.nanoTime() + 8_000_000_000L;
            while (ready.statusCode() == 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                long start = System.nanoTime();
                ready = given().get("/q/health/ready");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 1_500, "readiness answered in " + millis + " ms");
            }
            System.out.printf("readiness with every worker stuck: %d: %s%n", ready.statusCode(), ready.asString());
            assertEquals(503, ready.statusCode(), ready.asString());
            assertEquals("DOWN", ready.path("status"));
            given().get("/q/health/live").then().statusCode(200);
            locker.rollback();
        }
        for (Future<Integer> call : calls) {
            int status = call.get(30, TimeUnit.SECONDS);
            assertTrue(status == 503 || status == 200, "a stuck call answered " + status);
        }
        clients.shutdown();
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) {
            status = given().get("/q/health/ready").statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status, "ready again once the workers are free");
    }
}
