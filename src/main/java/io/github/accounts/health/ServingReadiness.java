package io.github.accounts.health;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the service can serve a call now: a database connection valid within a second, a worker thread free within
 * half a second, and a heap not full after a collection. Nothing here runs on a worker thread or waits without a
 * bound, so readiness says DOWN promptly when calls would hang, instead of hanging with them. It replaces the
 * datasource's own check, which waits for a worker.
 */
@Readiness
@ApplicationScoped
class ServingReadiness implements AsyncHealthCheck {

    static final String NAME = "accounts can serve";
    private static final Duration DATABASE_WITHIN = Duration.ofSeconds(1);
    private static final Duration WORKER_WITHIN = Duration.ofMillis(500);
    private static final double FULL_HEAP = 0.95;

    private final DataSource dataSource;
    private final ManagedExecutor workers;
    /** One thread of its own for the database probe; a probe still running is an answer in itself. */
    private final ExecutorService probe = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "readiness-database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean probing = new AtomicBoolean();

    ServingReadiness(DataSource dataSource, ManagedExecutor workers) {
        this.dataSource = dataSource;
        this.workers = workers;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.combine().all().unis(database(), workerFree()).with((database, worker) -> {
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
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid((int) DATABASE_WITHIN.toSeconds()) ? "UP" : "DOWN: the connection is not valid";
            } catch (Exception e) {
                return "DOWN: no connection within " + DATABASE_WITHIN.toSeconds() + " s";
            } finally {
                probing.set(false);
            }
        }).runSubscriptionOn(probe)
                .ifNoItem().after(DATABASE_WITHIN.plusMillis(500)).recoverWithItem("DOWN: the database does not answer");
    }

    private Uni<String> workerFree() {
        return Uni.createFrom().completionStage(() -> workers.supplyAsync(() -> "UP"))
                .ifNoItem().after(WORKER_WITHIN)
                .recoverWithItem("DOWN: no worker thread free within " + WORKER_WITHIN.toMillis() + " ms");
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
