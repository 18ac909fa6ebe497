package io.github.accounts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Starts the packaged application as a user does (the jar, or the native executable after {@code -Dnative}), with
 * only environment variables: bad configuration stops it with one line, and an H2 file database survives a restart.
 */
class StartupIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void unknownDialectShouldStopStartUpWithOneLineAndNoPassword() throws Exception {
        Finished run = runUntilExit(Map.of("DATABASE_URI", "oracle://scott:tiger@localhost/test"));
        assertNotEquals(0, run.exitCode);
        assertOneErrorLine(run.output, "ERROR: database.uri unknown dialect 'oracle' in 'oracle://scott:***@localhost/test'");
    }

    @Test
    void uriOfAnotherDialectShouldNameBothAndTheBuildCommand() throws Exception {
        Finished run = runUntilExit(Map.of("DATABASE_URI", "postgresql://postgres:tiger@127.0.0.1:5432/test"));
        assertNotEquals(0, run.exitCode);
        assertOneErrorLine(run.output, "ERROR: database.uri names a postgresql database, but this build is for h2; build for "
                + "postgresql with: DATABASE_URI='postgresql://postgres:***@127.0.0.1:5432/test' ./mvnw package");
    }

    @Test
    void unknownEchoShouldStopStartUpWithOneLine() throws Exception {
        Finished run = runUntilExit(Map.of("DATABASE_URI", "h2:///:memory:", "DATABASE_ECHO", "loud"));
        assertNotEquals(0, run.exitCode);
        assertOneErrorLine(run.output, "ERROR: invalid configuration: The config property database.echo with the config value "
                + "\"loud\" threw an Exception whilst being converted must be false, true or debug");
    }

    @Test
    void h2FileDatabaseShouldKeepItsRowsAcrossARestart() throws Exception {
        Path directory = Files.createTempDirectory(Path.of("target"), "restart-");
        Map<String, String> env = Map.of("DATABASE_URL", "h2:///" + directory + "/accounts");
        int port = freePort();
        String body = "{\"username\":\"survivor\",\"password\":\"survivor-password\",\"tokens\":33}";

        Process first = start(env, port);
        try {
            awaitReady(port);
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/accounts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
        } finally {
            stop(first);
        }

        Process second = start(env, port);
        try {
            awaitReady(port);
            HttpResponse<String> found = get(port, "/accounts?username=survivor");
            assertEquals(200, found.statusCode());
            assertTrue(found.body().contains("\"tokens\":33"), found.body());
            assertTrue(get(port, "/engine").body().contains("\"url\":\"h2:///" + directory + "/accounts\""), "DATABASE_URL honoured");
        } finally {
            stop(second);
        }
    }

    private static void assertOneErrorLine(String output, String expectedStart) {
        List<String> errors = output.lines().filter(l -> l.startsWith("ERROR")).toList();
        assertEquals(1, errors.size(), output);
        assertTrue(errors.get(0).startsWith(expectedStart), errors.get(0));
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        assertFalse(output.contains("tiger"), "no password: " + output);
    }

    record Finished(int exitCode, String output) {
    }

    private static Finished runUntilExit(Map<String, String> env) throws Exception {
        Process process = start(env, freePort());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "start-up should stop by itself");
        return new Finished(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Process start(Map<String, String> env, int port) throws IOException {
        List<String> command = new ArrayList<>();
        Path nativeImage = Path.of(System.getProperty("native.image.path", "target/none"));
        if (Files.isExecutable(nativeImage)) {
            command.add(nativeImage.toString());
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    "target/quarkus-app/quarkus-run.jar"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitReady(int port) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not become ready on port " + port);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
