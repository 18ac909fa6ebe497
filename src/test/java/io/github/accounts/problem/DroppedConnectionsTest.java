package io.github.accounts.problem;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * PostgreSQL ends the service's connections under load, as a restart or a failover does ({@code pg_terminate_backend}):
 * every call answers 200 or a quick 503 with Retry-After, never a 500, and the service recovers by itself.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class DroppedConnectionsTest {

    @Test
    void connectionsEndedUnderLoadShouldGiveOnly200Or503AndRecover() throws Exception {
        long id = create(uniqueName("dropped"));
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicLong slowest503 = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            load.add(clients.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    Response response = asAdmin().get("/accounts/" + id);
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() == 503) {
                        slowest503.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                        assertEquals("1", response.header("Retry-After"));
                    }
                }
                return null;
            }));
        }
        int ended = 0;
        try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement sql = postgres.createStatement()) {
            for (int round = 0; round < 5; round++) {
                Thread.sleep(500);
                try (ResultSet terminated = sql.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = 'test' AND pid <> pg_backend_pid()")) {
                    terminated.next();
                    ended += terminated.getInt(1);
                }
            }
        }
        Thread.sleep(1000);
        running.set(false);
        for (Future<?> client : load) {
            client.get();
        }
        clients.shutdown();
        System.out.printf("dropped connections: %d ended; answers %s; slowest 503 %d ms%n", ended, new TreeMap<>(statuses),
                slowest503.get());
        assertTrue(ended > 0, "connections were ended");
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 503), "only 200 and 503: " + statuses);
        assertTrue(slowest503.get() < 1000, "a 503 within a second: " + slowest503.get() + " ms");
        for (int i = 0; i < 10; i++) {
            asAdmin().get("/accounts/" + id).then().statusCode(200);
        }
    }
}
