package io.github.accounts.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Builds and runs the service for MariaDB, the local server on 127.0.0.1:3306, because MySQL-family databases differ
 * most from H2 and PostgreSQL (booleans as bits, identity as AUTO_INCREMENT, timestamp defaults).
 */
public class MariaDbProfile implements QuarkusTestProfile {

    public static final String URI = "mariadb://root@127.0.0.1:3306/test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("database.uri", URI);
    }
}
