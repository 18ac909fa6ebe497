package io.github.accounts.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Connections to the datasource's database opened apart from its pool, for work that must neither wait for a pooled
 * connection nor hold one while the pool's users need it: readiness (a pool busy to the last connection is not a
 * database down) and the start-up lease (held while Hibernate's schema work takes connections from a pool of any size).
 */
public final class UnpooledConnections {

    private UnpooledConnections() {
    }

    public static Connection open() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Properties credentials = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> credentials.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> credentials.setProperty("password", p));
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), credentials);
    }
}
