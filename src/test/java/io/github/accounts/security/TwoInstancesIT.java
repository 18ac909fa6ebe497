package io.github.accounts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two running instances of the service on one PostgreSQL database: a password changed through one is refused by the
 * other on the very next call, although that one had just verified (and remembered) the old password.
 */
class TwoInstancesIT {

    private static final String URI = "postgresql://postgres@127.0.0.1:5432/test";
    private static final Path APP = Path.of("target/two-instances/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process first;
    private static Process second;
    private static int firstPort;
    private static int secondPort;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        // The packaged jar of this build may be for another database; build one for PostgreSQL beside it.
        ProcessBuilder builder = new ProcessBuilder("./mvnw", "-B", "-q", "-o", "quarkus:build",
                "-Dquarkus.package.output-directory=two-instances").redirectErrorStream(true)
                .redirectOutput(Path.of("target/two-instances-build.log").toFile());
        builder.environment().put("DATABASE_URI", URI);
        Process build = builder.start();
        assertTrue(build.waitFor(300, TimeUnit.SECONDS) && build.exitValue() == 0,
                "building for PostgreSQL failed: " + Files.readString(Path.of("target/two-instances-build.log")));
        firstPort = freePort();
        secondPort = freePort();
        first = start(firstPort);
        second = start(secondPort);
        awaitReady(firstPort);
        awaitReady(secondPort);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process process : new Process[] { first, second }) {
            if (process != null) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void passwordChangedThroughOneInstanceShouldFailOnTheOtherAtOnce() throws Exception {
        String username = "twin-" + System.nanoTime();
        assertEquals(201, send(firstPort, "POST", "/accounts", null, "{\"username\":\"" + username
                + "\",\"password\":\"old-password\"}").statusCode());
        HttpResponse<String> me = send(secondPort, "GET", "/accounts/me", username + ":old-password", null);
        assertEquals(200, me.statusCode(), me.body());
        String id = me.body().replaceAll(".*\"id\":(\\d+).*", "$1");

        assertEquals(200, send(firstPort, "PATCH", "/accounts/" + id, username + ":old-password",
                "{\"password\":\"new-password\"}").statusCode());

        assertEquals(401, send(secondPort, "GET", "/accounts/" + id, username + ":old-password", null).statusCode());
        assertEquals(401, send(secondPort, "GET", "/accounts/me", username + ":old-password", null).statusCode());
        assertEquals(200, send(secondPort, "GET", "/accounts/me", username + ":new-password", null).statusCode());
        assertEquals(401, send(firstPort, "GET", "/accounts/me", username + ":old-password", null).statusCode());
    }

    private static HttpResponse<String> send(int port, String method, String path, String credentials, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Process start(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", APP.toString())).redirectErrorStream(true)
                .redirectOutput(Path.of("target/two-instances-" + port + ".log").toFile());
        builder.environment().put("DATABASE_URI", URI);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return builder.start();
    }

    private static void awaitReady(int port) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                if (send(port, "GET", "/q/health/ready", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("instance on port " + port + " did not become ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
