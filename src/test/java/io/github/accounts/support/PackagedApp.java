package io.github.accounts.support;

import java.io.IOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.accounts.engine.DatabaseUri;
import io.github.accounts.engine.Dialect;

/**
 * The packaged application, started as a user starts it: its own process, configured by environment variables only.
 * For the database the build is for, that is the build's own jar (or native executable, after {@code -Dnative}); for
 * another one, a jar built for it beside the build's own, once per test run.
 */
public final class PackagedApp implements AutoCloseable {

    /** The build's database, as {@code DATABASE_URI} chose it for {@code ./mvnw verify} (H2 when unset). */
    public static final String BUILT_FOR_URI = Optional.ofNullable(System.getenv("DATABASE_URI")).orElse("h2:///:memory:");
    public static final Dialect BUILT_FOR = DatabaseUri.parse(BUILT_FOR_URI).dialect();
    public static final String ADMIN_PASSWORD = "admin_password";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<Dialect, Path> BUILDS = new ConcurrentHashMap<>();

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the build's own application (whatever database {@code env} names) on a free port; does not wait for it. */
    public static PackagedApp start(Map<String, String> env) throws IOException, InterruptedException {
        return launch(isNative() ? List.of(nativeImage().toString()) : java(jarFor(BUILT_FOR, BUILT_FOR_URI)), BUILT_FOR, env);
    }

    /** Whether the build's own application is the native executable ({@code -Dnative}) rather than the jar. */
    public static boolean isNative() {
        return Files.isExecutable(nativeImage());
    }

    private static Path nativeImage() {
        return Path.of(System.getProperty("native.image.path", "target/none"));
    }

    /**
     * Starts an application built for the database of {@code uri} (the build's own when it is for that one), with
     * {@code DATABASE_URI=uri} and {@code env}, and waits until it is ready.
     */
    public static PackagedApp startReady(String uri, Map<String, String> env) throws IOException, InterruptedException {
        PackagedApp app = startFor(uri, env);
        app.awaitReady();
        return app;
    }

    /** As {@link #startReady}, without waiting: several can start at once. */
    public static PackagedApp startFor(String uri, Map<String, String> env) throws IOException, InterruptedException {
        Dialect dialect = DatabaseUri.parse(uri).dialect();
        Map<String, String> withUri = new HashMap<>(env);
        withUri.put("DATABASE_URI", uri);
        return dialect == BUILT_FOR ? start(withUri) : launch(java(jarFor(dialect, uri)), dialect, withUri);
    }

    private static List<String> java(Path jar) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
    }

    private static PackagedApp launch(List<String> command, Dialect dialect, Map<String, String> env) throws IOException {
        int port = Ports.free();
        Path log = Path.of("target", "app-" + dialect.uriName() + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeAll(List.of("DATABASE_URI", "DATABASE_URL")); // the build's, not the app's
        builder.environment().putAll(Map.of("QUARKUS_HTTP_PORT", Integer.toString(port),
                "ACCOUNTS_ADMIN_PASSWORD", ADMIN_PASSWORD, "ACCOUNTS_PASSWORD_BCRYPT_COST", "4"));
        builder.environment().putAll(env);
        return new PackagedApp(builder.start(), port, log);
    }

    private static synchronized Path jarFor(Dialect dialect, String uri) throws IOException, InterruptedException {
        if (dialect == BUILT_FOR) {
            return Path.of("target/quarkus-app/quarkus-run.jar");
        }
        Path built = BUILDS.get(dialect);
        if (built == null) {
            String folder = "app-" + dialect.uriName();
            Path buildLog = Path.of("target", folder + "-build.log");
            ProcessBuilder builder = new ProcessBuilder("./mvnw", "-B", "-q", "-o", "quarkus:build",
                    "-Dquarkus.package.output-directory=" + folder).redirectErrorStream(true).redirectOutput(buildLog.toFile());
            builder.environment().put("DATABASE_URI", uri);
            Process build = builder.start();
            if (!build.waitFor(300, TimeUnit.SECONDS) || build.exitValue() != 0) {
                throw new IllegalStateException("building for " + dialect.uriName() + " failed: " + Files.readString(buildLog));
            }
            built = Path.of("target", folder, "quarkus-run.jar");
            BUILDS.put(dialect, built);
        }
        return built;
    }

    public int port() {
        return port;
    }

    /** Where it answers, {@code http://127.0.0.1:port}. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    /** Everything the application printed so far. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    public void awaitReady() throws InterruptedException, IOException {
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("the application stopped: " + output());
            }
            try {
                if (send("GET", "/q/health/ready", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the application did not become ready on port " + port + ": " + output());
    }

    /** A call as the bootstrap admin; {@code json} may be null. */
    public HttpResponse<String> asAdmin(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, "admin:" + ADMIN_PASSWORD, json);
    }

    /** A call signed in with {@code username:password} (null: anonymous); {@code json} may be null. */
    public HttpResponse<String> send(String method, String path, String credentials, String json)
            throws IOException, InterruptedException {
        return send(method, path, credentials, json, Map.of());
    }

    /** The same, with more request headers. */
    public HttpResponse<String> send(String method, String path, String credentials, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        }
        headers.forEach(request::header);
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** A thread, started, that kills the application ({@code kill -9}) after {@code delay}: join it once the load ends. */
    public Thread killAfter(Duration delay) {
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        killer.start();
        return killer;
    }

    /** SIGTERM, as a container runtime stops it, and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Waits for a process that should stop by itself. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("it should have stopped by itself");
        }
        return process.exitValue();
    }
}
