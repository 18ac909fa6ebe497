package io.github.accounts.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Builds and runs the service for SQLite, the tutorial's own database, on a file as the tutorial uses it: one writer
 * at a time, timestamps as text, and the Hibernate dialect that stores them the way SQLAlchemy does.
 */
public class SqliteProfile implements QuarkusTestProfile {

    public static final String URI = "sqlite:///target/accounts-test.db";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("database.uri", URI);
    }
}
