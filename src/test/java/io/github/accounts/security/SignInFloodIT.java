package io.github.accounts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PackagedApp;

/**
 * Thousands of failed sign-ins, each with a different 11 kB username (as large as headers may be; larger is a 431),
 * against the packaged application with a 64 MB heap: none can be an account's, so none is read, hashed or counted,
 * memory stays bounded, and the service goes on answering within a second, and ready.
 */
class SignInFloodIT {

    private static final int CLIENTS = 8;
    private static final int PER_CLIENT = 600;

    @Test
    void failedSignInsWithHugeUniqueUsernamesShouldNotExhaustTheHeap() throws Exception {
        try (PackagedApp app = PackagedApp.startReady(PackagedApp.BUILT_FOR_URI, Map.of("JAVA_TOOL_OPTIONS", "-Xmx64m"))) {
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> flood = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                flood.add(clients.submit(() -> {
                    for (int i = 0; i < PER_CLIENT; i++) {
                        String username = client + "-" + i + "-" + "u".repeat(11_000);
                        statuses.merge(app.send("GET", "/accounts/me", username + ":wrong-password", null).statusCode(), 1,
                                Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> client : flood) {
                client.get();
            }
            clients.shutdown();
            System.out.printf("sign-in flood: %d huge usernames, answers %s%n", CLIENTS * PER_CLIENT, new TreeMap<>(statuses));
            assertEquals(Map.of(401, CLIENTS * PER_CLIENT), statuses);

            long start = System.nanoTime();
            HttpResponse<String> answer = app.asAdmin("GET", "/accounts?limit=1", null);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(millis < 1000, "answered in " + millis + " ms");
            assertTrue(app.process().isAlive());
            assertEquals(200, app.send("GET", "/q/health/ready", null, null).statusCode());
        }
    }
}
