package io.github.accounts.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jepsen's bank test over HTTP: accounts that start with equal balances, and clients that send random transfers among
 * them through one or more running instances. Afterwards the total is unchanged, every balance is its start plus what
 * its ledger says it received minus what it sent, none is below 0, and every acknowledged transfer is in the ledger.
 * Half the clients sign in as the admin, half as the account they send from.
 */
public final class Bank {

    public static final int ACCOUNTS = 10;
    public static final int START = 100;
    private static final String ADMIN = "admin:" + TestAccounts.ADMIN_PASSWORD;
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOKENS = Pattern.compile("\"tokens\":(\\d+)");
    private static final Pattern TRANSFER = Pattern.compile("\\{\"id\":(\\d+),\"from\":(\\d+),\"to\":(\\d+),\"amount\":(\\d+)");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> instances;
    private final long[] ids = new long[ACCOUNTS];
    private final String[] credentials = new String[ACCOUNTS];
    /** Transfer id to "from to amount", for every 201. */
    private final ConcurrentMap<Long, String> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger cutOff = new AtomicInteger();
    /** {@link System#nanoTime()} of every 201. */
    private final Queue<Long> acknowledgedAt = new ConcurrentLinkedQueue<>();

    private Bank(List<String> instances) {
        this.instances = instances;
    }

    /** Opens ten accounts of {@value #START} tokens through the first of the instances ({@code http://host:port}). */
    public static Bank open(List<String> instances) throws IOException, InterruptedException {
        Bank bank = new Bank(instances);
        StringBuilder array = new StringBuilder("[");
        String run = TestAccounts.uniqueName("bank");
        for (int i = 0; i < ACCOUNTS; i++) {
            bank.credentials[i] = run + "-" + i + ":password-" + i;
            array.append(i == 0 ? "" : ",").append("{\"username\":\"").append(run).append('-').append(i)
                    .append("\",\"password\":\"password-").append(i).append("\",\"tokens\":").append(START).append('}');
        }
        HttpResponse<String> created = bank.send(instances.get(0), "POST", "/accounts", ADMIN, array.append(']').toString());
        assertEquals(201, created.statusCode(), created.body());
        Matcher id = ID.matcher(created.body());
        for (int i = 0; i < ACCOUNTS; i++) {
            assertTrue(id.find(), created.body());
            bank.ids[i] = Long.parseLong(id.group(1));
        }
        return bank;
    }

    /**
     * {@code clients} clients send transfers for {@code duration}, or until the service goes away (an I/O error ends a
     * client quietly: after a {@code kill -9}, what was acknowledged is what counts).
     */
    public Bank run(int clients, Duration duration) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            boolean asAdmin = c % 2 == 0;
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                    int from = random.nextInt(ACCOUNTS);
                    int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    int amount = 1 + random.nextInt(40);
                    String instance = instances.get(random.nextInt(instances.size()));
                    try {
                        HttpResponse<String> response = send(instance, "POST", "/transfers", asAdmin ? ADMIN : credentials[from],
                                "{\"from\":" + ids[from] + ",\"to\":" + ids[to] + ",\"amount\":" + amount + "}");
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 201) {
                            Matcher id = ID.matcher(response.body());
                            id.find();
                            acknowledged.put(Long.parseLong(id.group(1)), ids[from] + " " + ids[to] + " " + amount);
                            acknowledgedAt.add(System.nanoTime());
                        } else if (!(response.statusCode() == 409 && response.body().contains("insufficient-tokens"))) {
                            unexpected.add(response.statusCode() + response.headers().firstValue("Retry-After")
                                    .map(seconds -> " Retry-After: " + seconds).orElse("") + " " + response.body());
                        }
                    } catch (IOException e) {
                        cutOff.incrementAndGet();
                        return; // the service is gone
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        return this;
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    /** The longest time between two acknowledged transfers, so far: how long the bank could not move tokens. */
    public Duration longestWithoutATransfer() {
        List<Long> times = acknowledgedAt.stream().sorted().toList();
        long longest = 0;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, times.get(i) - times.get(i - 1));
        }
        return Duration.ofNanos(longest);
    }

    /** What the clients got: status to count. */
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** The calls that got no answer at all (the connection failed or was cut), so far; each ended its client. */
    public int cutOff() {
        return cutOff.get();
    }

    /** The answers other than a 201 or an insufficient-tokens 409, so far: status, Retry-After if any, and body. */
    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Every answer was a 201 or an insufficient-tokens 409: no 5xx, no contention handed to a client. */
    public void assertOnlyTransfersAndInsufficientTokens() {
        assertTrue(unexpected.isEmpty(), unexpected.size() + " unexpected answers, the first: "
                + (unexpected.isEmpty() ? "" : unexpected.get(0)));
    }

    /**
     * Reads every balance and ledger through {@code instance}: the total is unchanged, each balance is its start plus
     * what it received minus what it sent, none is below 0, every acknowledged transfer is in the ledger as it was
     * acknowledged. With {@code allAcknowledged}, the ledger holds nothing else either.
     */
    public void assertConserved(String instance, boolean allAcknowledged) throws IOException, InterruptedException {
        Map<Long, String> ledger = new HashMap<>();
        long total = 0;
        for (long id : ids) {
            HttpResponse<String> account = send(instance, "GET", "/accounts/" + id, ADMIN, null);
            assertEquals(200, account.statusCode(), account.body());
            Matcher tokens = TOKENS.matcher(account.body());
            assertTrue(tokens.find(), account.body());
            long balance = Long.parseLong(tokens.group(1));
            assertTrue(balance >= 0, "account " + id + " went below 0: " + balance);
            long expected = START;
            for (String[] transfer : ledgerOf(instance, id)) {
                long amount = Long.parseLong(transfer[3]);
                expected += (Long.parseLong(transfer[2]) == id ? amount : 0) - (Long.parseLong(transfer[1]) == id ? amount : 0);
                ledger.put(Long.parseLong(transfer[0]), transfer[1] + " " + transfer[2] + " " + transfer[3]);
            }
            assertEquals(expected, balance, "account " + id + ": its start plus its ledger");
            total += balance;
        }
        assertEquals((long) START * ACCOUNTS, total, "the total of all tokens");
        acknowledged.forEach((id, transfer) -> assertEquals(transfer, ledger.get(id), "acknowledged transfer " + id + " in the ledger"));
        if (allAcknowledged) {
            assertEquals(acknowledged.keySet(), Set.copyOf(ledger.keySet()), "the ledger holds the acknowledged transfers, no others");
        }
    }

    /** An account's ledger, page by page through {@code Link: rel=next}: id, from, to, amount of each transfer. */
    private List<String[]> ledgerOf(String instance, long account) throws IOException, InterruptedException {
        List<String[]> transfers = new ArrayList<>();
        String next = instance + "/accounts/" + account + "/transfers?limit=500";
        long previous = 0;
        while (next != null) {
            HttpResponse<String> page = send(next, "GET", "", ADMIN, null);
            assertEquals(200, page.statusCode(), page.body());
            Matcher transfer = TRANSFER.matcher(page.body());
            while (transfer.find()) {
                long id = Long.parseLong(transfer.group(1));
                assertTrue(id > previous, "the ledger is in id order");
                previous = id;
                transfers.add(new String[] { transfer.group(1), transfer.group(2), transfer.group(3), transfer.group(4) });
            }
            Matcher link = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
            next = link.find() ? link.group(1) : null;
        }
        return transfers;
    }

    private HttpResponse<String> send(String base, String method, String path, String credentials, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
