package io.github.accounts.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.github.accounts.support.PackagedApp;

/**
 * OpenTelemetry is off unless asked for: with a collector configured but the SDK left off, nothing is sent. Asked for
 * (QUARKUS_OTEL_SDK_DISABLED=false), every call is a trace whose spans hold its SQL. The collector here is a plain
 * HTTP server that keeps what it is sent (OTLP over HTTP, protobuf, whose strings travel as UTF-8).
 */
class TracesIT {

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private HttpServer collector;

    @BeforeEach
    void startACollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                synchronized (received) {
                    received.write(bytes);
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopTheCollector() {
        collector.stop(0);
    }

    @Test
    void aCallShouldBeTracedWithItsSqlWhenTracingIsOn() throws Exception {
        try (PackagedApp app = PackagedApp.startFor(PackagedApp.BUILT_FOR_URI, exportingTo(Map.of("QUARKUS_OTEL_SDK_DISABLED", "false")))) {
            app.awaitReady();
            HttpResponse<String> me = app.asAdmin("GET", "/accounts/me", null);
            assertEquals(200, me.statusCode(), me.body());
            // The call's own span (its route), and a child for each statement with its SQL: the sign-in read here.
            String traces = awaitTraces("/accounts/me", "from accounts a left join sign_in_failures");
            assertTrue(!traces.contains(PackagedApp.ADMIN_PASSWORD), "no password in a trace");
        }
    }

    @Test
    void nothingShouldBeTracedUnlessAskedFor() throws Exception {
        try (PackagedApp app = PackagedApp.startFor(PackagedApp.BUILT_FOR_URI, exportingTo(Map.of()))) {
            app.awaitReady();
            assertEquals(200, app.asAdmin("GET", "/accounts/me", null).statusCode());
            Thread.sleep(1_000); // ten export intervals
        }
        assertEquals(0, received.size(), "the collector was sent nothing");
    }

    /** {@code env} and a collector to export to, every 100 ms. */
    private Map<String, String> exportingTo(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort());
        all.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        all.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
        return all;
    }

    private String awaitTraces(String... texts) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String traces;
            synchronized (received) {
                traces = received.toString(StandardCharsets.UTF_8);
            }
            if (Arrays.stream(texts).allMatch(traces::contains)) {
                return traces;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the collector was not sent " + Arrays.toString(texts) + " within 10 s: " + received);
    }
}
