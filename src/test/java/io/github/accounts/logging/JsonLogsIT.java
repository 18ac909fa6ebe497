package io.github.accounts.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.accounts.support.PackagedApp;

/**
 * One switch, {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true}, and every line the packaged application prints is a JSON
 * object a log shipper can read, with a call's request id in its {@code mdc}.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineShouldBeJsonWithTheRequestId() throws Exception {
        String output;
        String id = "json-" + System.nanoTime();
        try (PackagedApp app = PackagedApp.startFor(PackagedApp.BUILT_FOR_URI, Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"))) {
            app.awaitReady();
            HttpResponse<String> echoed = app.send("PUT", "/engine/echo", "admin:" + PackagedApp.ADMIN_PASSWORD,
                    "{\"echo\":\"true\"}", Map.of("X-Request-Id", id));
            assertEquals(200, echoed.statusCode(), echoed.body());
            app.close();
            output = app.output();
        }
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        assertTrue(lines.size() >= 3, output);
        boolean sawTheCall = false;
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertTrue(record.isObject() && record.has("level") && record.has("message"), "not a log record: " + line);
            sawTheCall |= id.equals(record.path("mdc").path("requestId").asText());
        }
        assertTrue(sawTheCall, "a line of the call carries its id: " + output);
    }
}
