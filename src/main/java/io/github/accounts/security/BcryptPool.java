package io.github.accounts.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;

/**
 * Where every bcrypt check and hash runs: a few threads of its own (one per core unless configured) and a short queue.
 * bcrypt is slow on purpose, so it is a budget: the threads that serve calls never run it, and a call that finds the
 * threads busy and the queue full is answered at once with 503 and {@code Retry-After} instead of waiting its turn
 * behind a flood. Everything that needs no bcrypt (a remembered sign-in, a read) is served as if no flood were running.
 */
@ApplicationScoped
class BcryptPool {

    private final int threads;
    private final Semaphore admitted;
    private final ExecutorService pool;
    /** The calls refused because the pool was full: logged at DEBUG only, so that a flood is a number, not a log. */
    private final Counter refused;

    BcryptPool(SecurityConfig config, MeterRegistry metrics) {
        this.refused = Counter.builder("accounts.password.refused")
                .description("Calls answered 503 at once because every bcrypt thread was busy and the queue full")
                .register(metrics);
        this.threads = config.password().threads().orElse(Runtime.getRuntime().availableProcessors());
        this.admitted = new Semaphore(threads + config.password().queue());
        AtomicInteger created = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "bcrypt-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** How many checks or hashes run at once. */
    int threads() {
        return threads;
    }

    /**
     * Starts the work on the pool if a place is free, else answers 503 at once. Nothing waits for the result but whoever
     * asks it: a sign-in goes on when it is ready, without holding a thread meanwhile.
     */
    <T> CompletableFuture<T> submit(Supplier<T> work) {
        if (!admitted.tryAcquire()) {
            throw busy();
        }
        try {
            return CompletableFuture.supplyAsync(work, pool).whenComplete((result, failure) -> admitted.release());
        } catch (RuntimeException e) {
            admitted.release();
            throw e;
        }
    }

    /** 503 at once when no place is free now: a call that will need bcrypt is refused before it reads anything. */
    void requireRoom() {
        if (admitted.availablePermits() == 0) {
            throw busy();
        }
    }

    private ProblemException busy() {
        refused.increment();
        return new ProblemException(Status.SERVICE_UNAVAILABLE, ProblemTypes.BUSY,
                "too many password checks are waiting; nothing was changed, retry shortly")
                .withHeader(HttpHeaders.RETRY_AFTER, 1);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
