package io.github.accounts.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import io.github.accounts.engine.DatabaseUri;

/**
 * A database nobody has used, for one test alone: a new PostgreSQL or MariaDB database, or a new file for SQLite and H2.
 */
public final class FreshDatabase {

    private FreshDatabase() {
    }

    /** Its URI, for {@code dialect} h2, sqlite, postgresql or mariadb. */
    public static String uri(String dialect, String name) throws Exception {
        switch (dialect) {
            case "postgresql" -> {
                try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                        Statement sql = postgres.createStatement()) {
                    sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    sql.execute("CREATE DATABASE " + name);
                }
                return "postgresql://postgres@127.0.0.1:5432/" + name;
            }
            case "mariadb" -> {
                try (Connection mariadb = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                        Statement sql = mariadb.createStatement()) {
                    sql.execute("DROP DATABASE IF EXISTS " + name);
                    sql.execute("CREATE DATABASE " + name);
                }
                return "mariadb://root@127.0.0.1:3306/" + name;
            }
            case "sqlite" -> {
                return "sqlite:///" + Files.createTempDirectory(Path.of("target"), name + "-") + "/accounts.db";
            }
            case "h2" -> {
                return "h2:///" + Files.createTempDirectory(Path.of("target"), name + "-") + "/accounts";
            }
            default -> throw new IllegalArgumentException(dialect);
        }
    }

    /** The JDBC URL of {@code uri} with its user in it, for {@code DriverManager}. */
    public static String jdbcUrl(String uri) {
        DatabaseUri parsed = DatabaseUri.parse(uri);
        String url = parsed.jdbcUrl();
        return parsed.username().map(user -> url + (url.contains("?") ? "&" : "?") + "user=" + user).orElse(url);
    }
}
