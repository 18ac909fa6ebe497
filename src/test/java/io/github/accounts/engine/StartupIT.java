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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Starts the packaged application as a user does (the jar, or the native executable after {@code -Dnative}), with
 * only environment variables: bad configuration stops it with one line, and the data survives a restart.
 */
class StartupIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The build's database, as {@code DATABASE_URI} chose it for {@code ./mvnw verify} (H2 when unset). */
    private static final String BUILT_FOR_URI = Optional.ofNullable(System.getenv("DATABASE_URI")).orElse("h2:///:memory:");
    private static final Dialect BUILT_FOR = DatabaseUri.parse(BUILT_FOR_URI).dialect();

    @Test
    void unknownDialectShouldStopStartUpWithOneLineAndNoPassword() throws Exception {
        Finished run = runUntilExit(Map.of("DATABASE_URI", "oracle://scott:tiger@localhost/test"));
        assertNotEquals(0, run.exitCode);
        assertOneErrorLine(run.output, "ERROR: database.uri unknown dialect 'oracle' in 'oracle://scott:***@localhost/test'");
    }

    @Test
    void uriOfAnotherDialectShouldNameBothAndTheBuildCommand() throws Exception {
        String other = BUILT_FOR == Dialect.POSTGRESQL ? "mariadb" : "postgresql";
        Finished run = runUntilExit(Map.of("DATABASE_URI", other + "://scott:tiger@127.0.0.1:5432/test"));
        assertNotEquals(0, run.exitCode);
        assertOneErrorLine(run.output, "ERROR: database.uri names a " + other + " database, but this build is for "
                + BUILT_FOR.dbKind() + "; build for " + other + " with: DATABASE_URI='" + other
                + "://scott:***@127.0.0.1:5432/test' ./mvnw package");
    }

    @Test
    void unknownEchoShouldStopStartUpWithOneLine() throws Exception {
        Finished run = runUntilExit(Map.of("DATABASE_URI", BUILT_FOR_URI, "DATABASE_ECHO", "loud"));
        assertNotEquals(0, run.exitCode);
        assertOneErrorLine(run.output, "ERROR: invalid configuration: The config property database.echo with the config value "
                + "\"loud\" threw an Exception whilst being converted must be false, true or debug");
    }

    @Test
    void bcryptCostOutOfRangeShouldStopStartUpWithOneLine() throws Exception {
        Finished run = runUntilExit(Map.of("DATABASE_URI", BUILT_FOR_URI, "ACCOUNTS_PASSWORD_BCRYPT_COST", "32"));
        assertNotEquals(0, run.exitCode);
        assertOneErrorLine(run.output, "ERROR: invalid configuration: The config property accounts.password.bcrypt-cost with "
                + "the config value \"32\" threw an Exception whilst being converted must be a whole number from 4 to 31");
    }

    @Test
    void databaseShouldKeepItsRowsAcrossARestart() throws Exception {
        Path directory = Files.createTempDirectory(Path.of("target"), "restart-");
        String uri = BUILT_FOR == Dialect.H2 ? "h2:///" + directory + "/accounts" : BUILT_FOR_URI;
        Map<String, String> env = Map.of("DATABASE_URL", uri, "ACCOUNTS_ADMIN_PASSWORD", "admin_password");
        int port = freePort();
        String survivor = "survivor-" + directory.getFileName();
        String body = "{\"username\":\"" + survivor + "\",\"password\":\"survivor-password\",\"tokens\":33}";

        Process first = start(env, port);
        try {
            awaitReady(port);
            HttpResponse<String> created = HTTP.send(asAdmin(port, "/accounts")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
        } finally {
            stop(first);
        }

        Process second = start(env, port);
        try {
            awaitReady(port);
            HttpResponse<String> found = get(port, "/accounts?username=" + survivor);
            assertEquals(200, found.statusCode());
            assertTrue(found.body().contains("\"tokens\":33"), found.body());
            assertTrue(get(port, "/engine").body().contains("\"url\":\"" + uri + "\""), "DATABASE_URL honoured");
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
        return HTTP.send(asAdmin(port, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signed in as the admin that ACCOUNTS_ADMIN_PASSWORD created at the first start. */
    private static HttpRequest.Builder asAdmin(int port, String path) {
        String admin = Base64.getEncoder().encodeToString("admin:admin_password".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + admin);
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
