package io.github.accounts.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 * No one client address holds more than half of the places (or a window of hashes, if that is more): beyond it that
 * client is answered 429 at once, so that a flood from one address leaves room for everyone else's sign-ins. Work for
 * no client ({@code null}: an admin's, start-up's) counts against the pool alone.
 */
@ApplicationScoped
class BcryptPool {

    private final int threads;
    private final Semaphore admitted;
    /** The most places one client address may hold at once. */
    private final int share;
    /** The places each client address holds now (running or waiting); an address holding none has no entry. */
    private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    /** The calls refused (503: the pool was full; 429: their address held its share): counted, logged at DEBUG only. */
    private final Counter busy;
    private final Counter flooding;

    BcryptPool(SecurityConfig config, MeterRegistry metrics) {
        this.busy = refusals(metrics, 503);
        this.flooding = refusals(metrics, 429);
        this.threads = config.password().threads().orElse(Runtime.getRuntime().availableProcessors());
        int places = threads + config.password().queue();
        this.admitted = new Semaphore(places);
        this.share = Math.max(threads, (places + 1) / 2);
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
     * Starts the work on the pool if a place is free and the client's address holds less than its share, else answers
     * 503 or 429 at once. Nothing waits for the result but whoever asks it: a sign-in goes on when it is ready, without
     * holding a thread meanwhile.
     */
    <T> CompletableFuture<T> submit(String client, Supplier<T> work) {
        if (client != null && held.merge(client, 1, Integer::sum) > share) {
            drop(client);
            throw refused(flooding);
        }
        if (!admitted.tryAcquire()) {
            drop(client);
            throw refused(busy);
        }
        try {
            return CompletableFuture.supplyAsync(work, pool).whenComplete((result, failure) -> {
                admitted.release();
                drop(client);
            });
        } catch (RuntimeException e) {
            admitted.release();
            drop(client);
            throw e;
        }
    }

    /** 429 or 503 at once when the call could get no place now: a call that will need bcrypt is refused before it reads. */
    void requireRoom(String client) {
        if (client != null && held.getOrDefault(client, 0) >= share) {
            throw refused(flooding);
        }
        if (admitted.availablePermits() == 0) {
            throw refused(busy);
        }
    }

    private void drop(String client) {
        if (client != null) {
            held.computeIfPresent(client, (address, places) -> places == 1 ? null : places - 1);
        }
    }

    private ProblemException refused(Counter reason) {
        reason.increment();
        ProblemException refusal = reason == busy
                ? new ProblemException(Status.SERVICE_UNAVAILABLE, ProblemTypes.BUSY,
                        "too many password checks are waiting; nothing was changed, retry shortly")
                : new ProblemException(Status.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_PASSWORD_CHECKS,
                        "too many password checks from your address are waiting; nothing was changed, retry shortly");
        return refusal.withHeader(HttpHeaders.RETRY_AFTER, 1);
    }

    private static Counter refusals(MeterRegistry metrics, int status) {
        return Counter.builder("accounts.password.refused").tag("status", Integer.toString(status))
                .description("Calls that needed bcrypt answered at once: 503 every place was taken, 429 the caller's"
                        + " address held its share")
                .register(metrics);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
