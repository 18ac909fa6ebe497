package io.github.accounts.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>
 * Spent fairly: the queue is served by how many places each call's address held when it asked, fewest first, so a
 * flood from one address waits behind everyone else's sign-ins rather than the other way round. Once every place is
 * taken, a call from an address that holds none still gets in, to a reserve of places kept for such newcomers (half
 * the queue); a call from an address that holds half of the places itself is answered 429 (it floods), any other 503.
 * Work for no client ({@code null}: an admin's, start-up's) counts as a newcomer's in the queue but uses the ordinary
 * places only.
 */
@ApplicationScoped
class BcryptPool {

    private final int threads;
    /** The ordinary places (threads and queue) and, beyond them, the newcomers' reserve. */
    private final Semaphore admitted;
    private final int reserve;
    /** An address holding this many places when every one is taken floods: 429. */
    private final int flood;
    /** The places each client address holds now (running or waiting); an address holding none has no entry. */
    private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final AtomicLong asked = new AtomicLong();
    /** The calls refused (503: the pool was full; 429: their address flooded it): counted, logged at DEBUG only. */
    private final Counter busy;
    private final Counter flooding;

    BcryptPool(SecurityConfig config, MeterRegistry metrics) {
        this.busy = refusals(metrics, 503);
        this.flooding = refusals(metrics, 429);
        this.threads = config.password().threads().orElse(Runtime.getRuntime().availableProcessors());
        int places = threads + config.password().queue();
        this.reserve = Math.max(1, config.password().queue() / 2);
        this.admitted = new Semaphore(places + reserve);
        this.flood = (places + 1) / 2;
        AtomicInteger created = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                work -> {
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
     * Starts the work on the pool if there is a place for this client (see the class), else answers 503 or 429 at once.
     * Nothing waits for the result but whoever asks it: a sign-in goes on when it is ready, without holding a thread
     * meanwhile.
     */
    <T> CompletableFuture<T> submit(String client, Supplier<T> work) {
        int holding = client == null ? 0 : held.merge(client, 1, Integer::sum) - 1;
        if (!(admitted.availablePermits() > reserve || newcomer(client, holding)) || !admitted.tryAcquire()) {
            drop(client);
            throw refusal(holding);
        }
        try {
            CompletableFuture<T> done = new CompletableFuture<>();
            pool.execute(new Turn(holding, asked.incrementAndGet(), () -> {
                try {
                    done.complete(work.get());
                } catch (Throwable failure) {
                    done.completeExceptionally(failure);
                }
            }));
            return done.whenComplete((result, failure) -> {
                admitted.release();
                drop(client);
            });
        } catch (RuntimeException e) {
            admitted.release();
            drop(client);
            throw e;
        }
    }

    /** 429 or 503 at once when the call would get no place now: a call that will need bcrypt is refused before it reads. */
    void requireRoom(String client) {
        int holding = client == null ? 0 : held.getOrDefault(client, 0);
        if (admitted.availablePermits() == 0 || admitted.availablePermits() <= reserve && !newcomer(client, holding)) {
            throw refusal(holding);
        }
    }

    /** A place in the queue: fewer places held by the address first, then first come. */
    private record Turn(int holding, long order, Runnable work) implements Runnable, Comparable<Turn> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Turn other) {
            return holding != other.holding ? Integer.compare(holding, other.holding) : Long.compare(order, other.order);
        }
    }

    private static boolean newcomer(String client, int holding) {
        return client != null && holding == 0;
    }

    private void drop(String client) {
        if (client != null) {
            held.computeIfPresent(client, (address, places) -> places == 1 ? null : places - 1);
        }
    }

    private ProblemException refusal(int holding) {
        ProblemException refusal;
        if (holding >= flood) {
            flooding.increment();
            refusal = new ProblemException(Status.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_PASSWORD_CHECKS,
                    "too many password checks from your address are waiting; nothing was changed, retry shortly");
        } else {
            busy.increment();
            refusal = new ProblemException(Status.SERVICE_UNAVAILABLE, ProblemTypes.BUSY,
                    "too many password checks are waiting; nothing was changed, retry shortly");
        }
        return refusal.withHeader(HttpHeaders.RETRY_AFTER, 1);
    }

    private static Counter refusals(MeterRegistry metrics, int status) {
        return Counter.builder("accounts.password.refused").tag("status", Integer.toString(status))
                .description("Calls that needed bcrypt answered at once: 503 every place was taken, 429 and the"
                        + " caller's address held half of them")
                .register(metrics);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
