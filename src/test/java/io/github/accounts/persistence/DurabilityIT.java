package io.github.accounts.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.accounts.support.FreshDatabase;
import io.github.accounts.support.PackagedApp;

/**
 * What the service acknowledged is in the database after it stops, whether it is stopped or killed: the packaged
 * application, on a file database (SQLite, H2) or a server (PostgreSQL), restarted on the same database.
 */
class DurabilityIT {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOKENS = Pattern.compile("\"tokens\":(\\d+)");
    private static final Pattern WARNING = Pattern.compile("\\s(WARN|WARNING)\\s");
    private static final Pattern ETAG = Pattern.compile("\"(\\d+)\"");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "h2", "sqlite", "postgresql" })
    void rowsShouldSurviveARestart(String dialect) throws Exception {
        String uri = FreshDatabase.uri(dialect, "restart");
        String body = "{\"username\":\"survivor\",\"password\":\"survivor-password\",\"tokens\":33}";
        try (PackagedApp first = PackagedApp.startReady(uri, Map.of())) {
            assertNoWarning(first.output(), "a first start on a fresh database");
            HttpResponse<String> created = first.asAdmin("POST", "/accounts", body);
            assertEquals(201, created.statusCode(), created.body());
        }
        try (PackagedApp second = PackagedApp.startReady(uri, Map.of())) {
            assertNoWarning(second.output(), "a restart");
            String found = second.asAdmin("GET", "/accounts?username=survivor", null).body();
            assertTrue(found.contains("\"tokens\":33"), found);
        }
    }

    /** Section 9: a start logs no warning for nothing wrong (schema management's notices, say). */
    private static void assertNoWarning(String output, String what) {
        List<String> warnings = output.lines().filter(line -> WARNING.matcher(line).find()).toList();
        assertTrue(warnings.isEmpty(), what + " logged warnings:\n" + String.join("\n", warnings));
    }

    /**
     * Eight clients create accounts and increment a counter with If-Match as fast as they can; the service is killed
     * with SIGKILL in the middle. After a restart, every account whose creation was answered 201 exists, and the
     * counter holds at least the highest value a 200 reported.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "h2", "sqlite", "postgresql" })
    void everyAcknowledgedWriteShouldSurviveKill9(String dialect) throws Exception {
        String uri = FreshDatabase.uri(dialect, "crash");
        List<String> created = new CopyOnWriteArrayList<>();
        AtomicLong highestCount = new AtomicLong();
        AtomicInteger serverErrors = new AtomicInteger();
        long counter;
        PackagedApp app = PackagedApp.startReady(uri, Map.of());
        try {
            counter = id(app.asAdmin("POST", "/accounts", "{\"username\":\"counter\",\"password\":\"counter-password\",\"tokens\":0}"));
            ExecutorService clients = Executors.newFixedThreadPool(8);
            Map<Integer, Integer> sequence = new ConcurrentHashMap<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                clients.submit(() -> {
                    try {
                        while (true) {
                            int n = sequence.merge(client, 1, Integer::sum);
                            String name = "acked-" + client + "-" + n;
                            HttpResponse<String> response = app.asAdmin("POST", "/accounts",
                                    "{\"username\":\"" + name + "\",\"password\":\"acked-password\"}");
                            count(response, serverErrors);
                            if (response.statusCode() == 201) {
                                created.add(name);
                            }
                            increment(app, counter, highestCount, serverErrors);
                        }
                    } catch (IOException | InterruptedException e) {
                        return; // the service is gone
                    }
                });
            }
            Thread.sleep(3000);
            app.kill();
            clients.shutdownNow();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        } finally {
            app.kill();
        }
        assertTrue(created.size() > 10, "writes were acknowledged before the kill: " + created.size());
        assertEquals(0, serverErrors.get(), "no 5xx before the kill");

        try (PackagedApp restarted = PackagedApp.startReady(uri, Map.of())) {
            for (String name : created) {
                String found = restarted.asAdmin("GET", "/accounts?username=" + name, null).body();
                assertTrue(found.contains("\"username\":\"" + name + "\""), name + " was acknowledged, then lost");
            }
            long count = tokens(restarted.asAdmin("GET", "/accounts/" + counter, null));
            assertTrue(count >= highestCount.get(), "counter " + count + " < acknowledged " + highestCount.get());
            System.out.printf("durability (%s): %d creates and %d increments acknowledged before kill -9, none lost%n",
                    dialect, created.size(), highestCount.get());
        }
    }

    private static void increment(PackagedApp app, long counter, AtomicLong highest, AtomicInteger serverErrors)
            throws IOException, InterruptedException {
        HttpResponse<String> current = app.asAdmin("GET", "/accounts/" + counter, null);
        Matcher tag = ETAG.matcher(current.headers().firstValue("ETag").orElse(""));
        if (current.statusCode() != 200 || !tag.matches()) {
            return;
        }
        long next = tokens(current) + 1;
        HttpResponse<String> patched = app.send("PATCH", "/accounts/" + counter, "admin:" + PackagedApp.ADMIN_PASSWORD,
                "{\"tokens\":" + next + "}", Map.of("If-Match", tag.group()));
        count(patched, serverErrors);
        if (patched.statusCode() == 200) {
            highest.accumulateAndGet(tokens(patched), Math::max);
        }
    }

    private static void count(HttpResponse<String> response, AtomicInteger serverErrors) {
        if (response.statusCode() >= 500) {
            serverErrors.incrementAndGet();
        }
    }

    private static long id(HttpResponse<String> response) {
        Matcher id = ID.matcher(response.body());
        assertTrue(id.find(), response.body());
        return Long.parseLong(id.group(1));
    }

    private static long tokens(HttpResponse<String> response) {
        Matcher tokens = TOKENS.matcher(response.body());
        assertTrue(tokens.find(), response.body());
        return Long.parseLong(tokens.group(1));
    }
}
