package io.github.accounts.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Builds and runs the service for PostgreSQL, the local server on 127.0.0.1:5432, because that is the database users
 * deploy on: the same tests then prove the schema, the constraints and the error mapping on it.
 */
public class PostgresProfile implements QuarkusTestProfile {

    public static final String PASSWORD = "pg-secret-never-shown";
    /** With a password (the local server's trust authentication ignores it), so that tests see it masked everywhere. */
    public static final String URI = "postgresql://postgres:" + PASSWORD + "@127.0.0.1:5432/test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("database.uri", URI);
    }
}
