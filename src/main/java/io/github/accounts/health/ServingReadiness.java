package io.github.accounts.health;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.github.accounts.engine.DatabaseConfig;
import io.github.accounts.persistence.UnpooledConnections;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the service can serve calls: a new database connection within a second that reads the accounts table, worker
 * threads that have not all been stuck for longer than {@code database.wait-limit}, and a heap not full after a
 * collection. The read is what tells a server that answers but serves nothing (a Galera node that lost quorum pings
 * fine, and refuses every table). Busy is not down: a read waiting for a lock, load the service sheds (a flood of
 * sign-ins answered 503) or queues briefly leave it UP. Nothing here runs on a worker thread or waits without a bound,
 * so readiness answers promptly while calls hang. It replaces the datasource's own check, which waits for a worker.
 */
@Readiness
@ApplicationScoped
class ServingReadiness implements AsyncHealthCheck {

    static final String NAME = "accounts can serve";
    private static final Duration DATABASE_WITHIN = Duration.ofSeconds(1);
    /** {@link System#nanoTime()} when the probe task now waiting for a worker was handed over; none is waiting. */
    private static final long NONE_WAITING = Long.MIN_VALUE;
    private static final double FULL_HEAP = 0.95;
    private static final String READ = "SELECT 1 FROM accounts WHERE 1 = 0";

    private final ManagedExecutor workers;
    private final Duration waitLimit;
    private final AtomicLong probeWaitingSince = new AtomicLong(NONE_WAITING);
    /**
     * Threads of its own for the database probe (one runs at a time; a probe still running is an answer in itself) and
     * for the timer that answers when it takes too long: Mutiny's default timer runs on the workers, which may all be stuck.
     */
    private final ScheduledExecutorService probe = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "readiness-database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean probing = new AtomicBoolean();
    /** The probe now running has a valid connection and reads: if it waits, the database is busy, not down. */
    private final AtomicBoolean reading = new AtomicBoolean();
    /** A database in this process's memory is there while the process is (and a new connection would not see it). */
    private final boolean inMemory;

    ServingReadiness(ManagedExecutor workers, DatabaseConfig database) {
        this.workers = workers;
        this.waitLimit = database.waitLimit();
        this.inMemory = database.inMemory();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return database().map(database -> {
            String worker = workers();
            String heap = heap();
            HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                    .withData("database", database).withData("workers", worker).withData("heap", heap);
            return response.status(database.startsWith("UP") && worker.equals("UP") && heap.equals("UP")).build();
        });
    }

    private Uni<String> database() {
        if (inMemory) {
            return Uni.createFrom().item("UP");
        }
        if (!probing.compareAndSet(false, true)) {
            return Uni.createFrom().item(reading.get() ? "UP: a read waits (busy)" : "DOWN: the previous check has not returned");
        }
        return Uni.createFrom().item(this::probeDatabase).runSubscriptionOn(probe)
                .ifNoItem().after(DATABASE_WITHIN).on(probe)
                .recoverWithItem(() -> reading.get() ? "UP: a read waits (busy)" : "DOWN: the database does not answer");
    }

    private String probeDatabase() {
        try (Connection connection = UnpooledConnections.open()) {
            if (!connection.isValid((int) DATABASE_WITHIN.toSeconds())) {
                return "DOWN: the connection is not valid";
            }
            reading.set(true);
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) Math.max(1, waitLimit.toSeconds()));
                statement.executeQuery(READ).close();
            }
            return "UP";
        } catch (Exception e) {
            return reading.get() ? "DOWN: the database does not serve the accounts table"
                    : "DOWN: no connection within " + DATABASE_WITHIN.toSeconds() + " s";
        } finally {
            reading.set(false);
            probing.set(false);
        }
    }

    /**
     * Hands the workers a probe task unless one is still waiting, and answers at once: DOWN only when a probe has waited
     * for a worker longer than the wait limit, the longest any call's statement may wait.
     */
    private String workers() {
        long now = System.nanoTime();
        long since = probeWaitingSince.get();
        if (since == NONE_WAITING) {
            if (probeWaitingSince.compareAndSet(NONE_WAITING, now)) {
                try {
                    workers.execute(() -> probeWaitingSince.set(NONE_WAITING));
                } catch (RuntimeException e) {
                    probeWaitingSince.set(NONE_WAITING);
                    return "DOWN: the worker threads take no work";
                }
            }
            return "UP";
        }
        Duration waited = Duration.ofNanos(now - since);
        return waited.compareTo(waitLimit) > 0
                ? "DOWN: no worker thread free for " + waited.toSeconds() + " s (wait limit " + waitLimit.toSeconds() + " s)"
                : "UP";
    }

    private static String heap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterCollection != null && afterCollection.getMax() > 0
                    && afterCollection.getUsed() > FULL_HEAP * afterCollection.getMax()) {
                return "DOWN: " + pool.getName() + " is full after a collection";
            }
        }
        return "UP";
    }

    @PreDestroy
    void stop() {
        probe.shutdownNow();
    }
}
