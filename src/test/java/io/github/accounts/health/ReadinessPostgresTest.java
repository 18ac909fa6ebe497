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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Readiness tells the truth: while every worker thread is stuck (here on a table another program has locked), the
 * service cannot serve, and readiness says DOWN at once instead of hanging with the calls; it is UP again once they
 * are free. Liveness stays UP: nothing a restart would mend.
 */
@QuarkusTest
@TestProfile(ReadinessPostgresTest.FewWorkers.class)
class ReadinessPostgresTest {

    static final int WORKERS = 4;

    /** PostgreSQL, with few worker threads, so that a handful of stuck calls hold them all. */
    public static class FewWorkers extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.thread-pool.max-threads", Integer.toString(WORKERS));
            return config;
        }
    }

    @Test
    void readinessShouldSayDownAtOnceWhileNoWorkerIsFree() throws Exception {
        long id = create(uniqueName("ready"));
        given().get("/q/health/ready").then().statusCode(200);
        ExecutorService clients = Executors.newFixedThreadPool(WORKERS * 2);
        try (Connection locker = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("lock table accounts in access exclusive mode");
            }
            for (int i = 0; i < WORKERS * 2; i++) {
                clients.submit(() -> asAdmin().get("/accounts/" + id).statusCode());
            }
            Thread.sleep(1_000); // the calls now wait for the lock, each on a worker thread

            long start = System.nanoTime();
            Response ready = given().get("/q/health/ready");
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("readiness with every worker stuck: %d in %d ms: %s%n", ready.statusCode(), millis, ready.asString());
            assertEquals(503, ready.statusCode(), ready.asString());
            assertEquals("DOWN", ready.path("status"));
            assertTrue(millis < 1_500, "readiness answered in " + millis + " ms");
            given().get("/q/health/live").then().statusCode(200);
            locker.rollback();
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        int status = 0;
        for (int i = 0; i < 50 && status != 200; i++) {
            status = given().get("/q/health/ready").statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status, "ready again once the workers are free");
    }
}
