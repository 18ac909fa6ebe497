package io.github.accounts.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.accounts.support.FreshDatabase;

/**
 * The start-up lease on each server, over real connections: one holder at a time, a waiter that gets it once it is
 * given back, a holder that renews keeping it past its term, and a lease left by a killed holder taken over after it.
 */
class StartupLeaseTest {

    private static final Duration TERM = Duration.ofMillis(900);

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "mariadb", "sqlite", "h2" })
    void aSecondInstanceShouldWaitUntilTheFirstGivesTheLeaseBack(String dialect) throws Exception {
        String url = newDatabase(dialect);
        StartupLease held = StartupLease.take(DriverManager.getConnection(url), TERM);
        CompletableFuture<StartupLease> waiting = takeLater(url);
        Thread.sleep(3 * TERM.toMillis()); // past the term: the holder renews it
        assertFalse(waiting.isDone(), "the second took a lease the first holds and renews");
        held.close();
        waiting.get(5, TimeUnit.SECONDS).close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "mariadb", "sqlite", "h2" })
    void aLeaseItsKilledHolderLeftShouldBeTakenOverAfterItsTerm(String dialect) throws Exception {
        String url = newDatabase(dialect);
        StartupLease.take(DriverManager.getConnection(url), TERM).close(); // makes the table
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE " + StartupLease.TABLE + " SET holder = '4242@gone', renewed_at = 1 WHERE id = 1");
        }
        long start = System.nanoTime();
        try (StartupLease taken = StartupLease.take(DriverManager.getConnection(url), TERM);
                Connection connection = DriverManager.getConnection(url)) {
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= TERM.toMillis() && waited < TERM.toMillis() + 3000, "taken over after " + waited + " ms");
            assertFalse(holder(connection).startsWith("4242@gone"), holder(connection));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "mariadb", "sqlite", "h2" })
    void instancesTakingItAtOnceShouldHoldItOneAtATime(String dialect) throws Exception {
        String url = newDatabase(dialect);
        int instances = 6;
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                done.add(threads.submit(() -> {
                    try (StartupLease lease = StartupLease.take(DriverManager.getConnection(url), TERM)) {
                        mostAtOnce.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        Thread.sleep(50);
                        holding.decrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, mostAtOnce.get(), "holders at once");
        try (Connection connection = DriverManager.getConnection(url)) {
            assertEquals("", holder(connection), "given back by the last");
        }
    }

    private static CompletableFuture<StartupLease> takeLater(String url) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return StartupLease.take(DriverManager.getConnection(url), TERM);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String holder(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT holder FROM " + StartupLease.TABLE + " WHERE id = 1")) {
            row.next();
            return row.getString(1) == null ? "" : row.getString(1);
        }
    }

    private static String newDatabase(String dialect) throws Exception {
        return FreshDatabase.jdbcUrl(FreshDatabase.uri(dialect, "startup_lease"));
    }
}
