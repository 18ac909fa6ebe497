package io.github.accounts.health;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.github.accounts.engine.DatabaseConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the service can serve calls: a new database connection valid within a second, worker threads that have not all
 * been stuck for longer than {@code database.wait-limit}, and a heap not full after a collection. Busy is not down:
 * load the service sheds (a flood of sign-ins answered 503) or queues briefly leaves it UP. Nothing here runs on a
 * worker thread or waits without a bound, so readiness answers promptly while calls hang. It replaces the datasource's
 * own check, which waits for a worker.
 */
@Readiness
@ApplicationScoped
class ServingReadiness implements AsyncHealthCheck {

    static final String NAME = "accounts can serve";
    private static final Duration DATABASE_WITHIN = Duration.ofSeconds(1);
    /** {@link System#nanoTime()} when the probe task now waiting for a worker was handed over; none is waiting. */
    private static final long NONE_WAITING = Long.MIN_VALUE;
    private static final double FULL_HEAP = 0.95;

    /** The database as the pool reaches it, reached apart from the pool: a pool busy to the last connection is not down. */
    private final String url;
    private final Properties credentials = new Properties();
    private final ManagedExecutor workers;
    private final Duration waitLimit;
    private final AtomicLong probeWaitingSince = new AtomicLong(NONE_WAITING);
    /** One thread of its own for the database probe; a probe still running is an answer in itself. */
    private final ExecutorService probe = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "readiness-database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean probing = new AtomicBoolean();

    ServingReadiness(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            ManagedExecutor workers, DatabaseConfig database) {
        this.url = url;
        username.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
        this.workers = workers;
        this.waitLimit = database.waitLimit();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return database().map(database -> {
            String worker = workers();
            String heap = heap();
            HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                    .withData("database", database).withData("workers", worker).withData("heap", heap);
            return response.status(database.equals("UP") && worker.equals("UP") && heap.equals("UP")).build();
        });
    }

    private Uni<String> database() {
        if (!probing.compareAndSet(false, true)) {
            return Uni.createFrom().item("DOWN: the previous check has not returned");
        }
        return Uni.createFrom().item(() -> {
            try (Connection connection = DriverManager.getConnection(url, credentials)) {
                return connection.isValid((int) DATABASE_WITHIN.toSeconds()) ? "UP" : "DOWN: the connection is not valid";
            } catch (Exception e) {
                return "DOWN: no connection within " + DATABASE_WITHIN.toSeconds() + " s";
            } finally {
                probing.set(false);
            }
        }).runSubscriptionOn(probe)
                .ifNoItem().after(DATABASE_WITHIN.plusMillis(500)).recoverWithItem("DOWN: the database does not answer");
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
