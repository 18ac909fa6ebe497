package io.github.accounts.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Builds and runs the service for MySQL (Hibernate's MySQL dialect for MySQL 8.0, MySQL Connector/J), exactly as a
 * MySQL 8.x user gets it. No MySQL server is packaged for these machines, so it runs against the local MariaDB server,
 * in a database of its own. MariaDB introduces itself to Connector/J as version {@code 5.5.5} (its handshake prefix for
 * old MySQL clients), which fails the start-up check that the server is at least the 8.0 the build declares; only that
 * check is turned off here, so the SQL under test is the same as against MySQL 8.
 */
public class MysqlProfile implements QuarkusTestProfile {

    public static final String URI = "mysql://root@127.0.0.1:3306/accounts_mysql?createDatabaseIfNotExist=true";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("database.uri", URI, "quarkus.hibernate-orm.database.version-check.enabled", "false");
    }
}
