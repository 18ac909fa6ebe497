package io.github.accounts.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tutorial's own Python code ({@code src/test/python/tutorial.py}: its {@code Account} model and session, on
 * SQLAlchemy 1.4) run against a database the service uses, with the same URI. It needs Debian's
 * {@code python3-sqlalchemy} (and {@code python3-psycopg2} for PostgreSQL), which {@code .ci/run} installs: a missing
 * one fails the test, it never skips it.
 */
public final class Tutorial {

    /** Debian's interpreter, where apt-get puts SQLAlchemy; another one with SQLAlchemy 1.4 can be named here. */
    private static final String PYTHON = System.getenv().getOrDefault("TUTORIAL_PYTHON", "/usr/bin/python3");
    private static final String SCRIPT = "src/test/python/tutorial.py";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String uri;

    public Tutorial(String uri) {
        this.uri = uri;
    }

    /** {@code Base.metadata.create_all(engine)}. */
    public void createAll() {
        run("create_all");
    }

    /** {@code session.add(Account(username=..., password=...)); session.commit()}: the password as the tutorial stores it. */
    public Map<String, Object> add(String username, String password) {
        return row(run("add", username, password));
    }

    /** {@code session.query(Account).filter_by(username=...).first()}, or null. */
    public Map<String, Object> get(String username) {
        return row(run("get", username));
    }

    /** Sets {@code field=value} ({@code tokens}, {@code verified}, ...) on the account and commits. */
    public Map<String, Object> update(String username, String... assignments) {
        List<String> args = new ArrayList<>(List.of("update", username));
        args.addAll(List.of(assignments));
        return row(run(args.toArray(String[]::new)));
    }

    /** {@code session.delete(account); session.commit()}. */
    public void delete(String username) {
        run("delete", username);
    }

    /** The columns of {@code accounts} as SQLAlchemy's inspector sees them. */
    public List<String> columns() {
        return parse(run("columns"), new TypeReference<>() {
        });
    }

    /** The names of the indexes on {@code accounts}, as SQLAlchemy's inspector sees them. */
    public List<String> indexes() {
        return parse(run("indexes"), new TypeReference<>() {
        });
    }

    /** Plain SQL in a transaction of its own, as a program that knows nothing of the service would send it. */
    public void execute(String sql) {
        run("execute", sql);
    }

    /** The single value a plain SQL query returns. */
    public Object scalar(String sql) {
        return parse(run("scalar", sql), new TypeReference<>() {
        });
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT, uri));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            assertEquals(0, process.exitValue(), "the tutorial's code failed: " + String.join(" ", args) + "\n" + err
                    + (err.contains("No module named") ? "\n(install python3-sqlalchemy and python3-psycopg2: .ci/run does)" : ""));
            return out;
        } catch (IOException e) {
            throw new AssertionError(PYTHON + " cannot run the tutorial's code (.ci/run installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> row(String json) {
        return parse(json, new TypeReference<>() {
        });
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
