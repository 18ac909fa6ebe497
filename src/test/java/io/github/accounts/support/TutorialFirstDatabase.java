package io.github.accounts.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A database where the tutorial's own Python code came first: before the service starts, the database is emptied and
 * the tutorial's {@code create_all} makes its table (its six columns only), holding rows it added with the passwords
 * in plain text, as the tutorial stores them; then the program adds a column and an index of its own, which the
 * service knows nothing about. Init argument {@code uri}: the database, as the service names it.
 */
public class TutorialFirstDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String GUEST = "tutorial-guest";
    public static final String GUEST_PASSWORD = "guest_password";
    public static final String PATCHED = "tutorial-patched";
    public static final String DELETED = "tutorial-deleted";
    /** A column and an index of the program's own. */
    public static final String NICKNAME = "nickname";
    public static final String NICKNAME_INDEX = "ix_accounts_nickname";

    private String uri;

    @Override
    public void init(Map<String, String> args) {
        uri = args.get("uri");
    }

    @Override
    public Map<String, String> start() {
        try {
            empty();
        } catch (Exception e) {
            throw new IllegalStateException("could not empty " + uri, e);
        }
        Tutorial tutorial = new Tutorial(uri);
        tutorial.createAll();
        tutorial.add(GUEST, GUEST_PASSWORD);
        tutorial.add(PATCHED, "patched_password");
        tutorial.add(DELETED, "deleted_password");
        tutorial.execute("ALTER TABLE accounts ADD COLUMN " + NICKNAME + " VARCHAR(32)");
        tutorial.execute("UPDATE accounts SET " + NICKNAME + " = 'Guesty' WHERE username = '" + GUEST + "'");
        tutorial.execute("CREATE INDEX " + NICKNAME_INDEX + " ON accounts (" + NICKNAME + ")");
        return Map.of();
    }

    private void empty() throws Exception {
        if (uri.startsWith("sqlite:///")) {
            String file = uri.substring("sqlite:///".length());
            for (String suffix : new String[] { "", "-wal", "-shm" }) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
            return;
        }
        String database = uri.substring(uri.lastIndexOf('/') + 1);
        try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement sql = postgres.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        }
    }

    @Override
    public void stop() {
    }
}
