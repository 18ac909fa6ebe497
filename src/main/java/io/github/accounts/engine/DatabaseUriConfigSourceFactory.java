package io.github.accounts.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns {@code database.uri} (env {@code DATABASE_URI}, else {@code DATABASE_URL}) into the {@code quarkus.datasource.*}
 * settings it stands for. It runs when the application is built, which fixes {@code db-kind} (and so the dialect
 * and JDBC driver), and again when it starts, for the URL and credentials. Its ordinal is below
 * {@code application.properties}, so explicit {@code quarkus.datasource.*} settings still win.
 */
public class DatabaseUriConfigSourceFactory implements ConfigSourceFactory {

    static final String URI = "database.uri";
    static final String HEROKU_URL = "database.url";
    static final int ORDINAL = 200;
    private static final String DB_KIND = "quarkus.datasource.db-kind";
    private static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final String NEW_CONNECTION_SQL = "quarkus.datasource.jdbc.new-connection-sql";
    private static final String WAIT_LIMIT = "database.wait-limit";
    /** {@link DatabaseConfig#waitLimit()}'s default: this source is read before the mapping exists. */
    private static final String DEFAULT_WAIT_LIMIT = "5S";
    /** Where Quarkus keeps, at run time, the build-time values it was built with. */
    private static final String BUILD_TIME_FIXED = "BuildTime RunTime Fixed";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Optional<String> configured = value(context, URI).or(() -> value(context, HEROKU_URL));
        ConfigValue builtFor = context.getValue(DB_KIND);
        boolean building = builtFor == null || !BUILD_TIME_FIXED.equals(builtFor.getSourceName());
        Map<String, String> properties = new HashMap<>();
        if (configured.isEmpty() && value(context, JDBC_URL).isPresent()) {
            // Configured the Quarkus way: left alone, but for the settings the service needs for that database.
            Optional<Dialect> dialect = value(context, DB_KIND).flatMap(Dialect::fromDbKind);
            if (building) {
                dialect.map(Dialect::buildSettings).ifPresent(properties::putAll);
            } else {
                dialect.ifPresent(d -> properties.put(NEW_CONNECTION_SQL, waitLimitSql(context, d)));
            }
            return List.of(new PropertiesConfigSource(properties, "database.uri", ORDINAL));
        }
        DatabaseUri uri = DatabaseUri.parse(configured.orElse(DatabaseUri.DEFAULT));
        if (building) {
            // Only the kind of database (and its settings) is needed, and nothing else (no credentials) gets recorded.
            properties.put(DB_KIND, uri.dialect().dbKind());
            properties.putAll(uri.dialect().buildSettings());
            return List.of(new PropertiesConfigSource(properties, "database.uri", ORDINAL));
        }
        if (!builtFor.getValue().equals(uri.dialect().dbKind())) {
            throw new InvalidDatabaseUriException("database.uri names a " + uri.dialect().uriName()
                    + " database, but this build is for " + builtFor.getValue() + "; build for "
                    + uri.dialect().uriName() + " with: DATABASE_URI='" + uri + "' ./mvnw package");
        }
        properties.put(JDBC_URL, uri.jdbcUrl());
        uri.username().ifPresent(u -> properties.put("quarkus.datasource.username", u));
        uri.password().ifPresent(p -> properties.put("quarkus.datasource.password", p));
        if (!uri.parameters().containsKey("busy_timeout")) { // SQLite's wait limit, when a URI sets it itself
            properties.put(NEW_CONNECTION_SQL, waitLimitSql(context, uri.dialect()));
        }
        if (uri.dialect() == Dialect.SQLITE && uri.inMemory()) {
            // An in-memory SQLite database belongs to one connection: the pool holds exactly that one, for good.
            properties.put("quarkus.datasource.jdbc.min-size", "1");
            properties.put("quarkus.datasource.jdbc.max-size", "1");
        }
        return List.of(new PropertiesConfigSource(properties, "database.uri", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** {@link Dialect#waitLimitSql} for {@code database.wait-limit}. */
    private static String waitLimitSql(ConfigSourceContext context, Dialect dialect) {
        return dialect.waitLimitSql(DurationConverter.parseDuration(value(context, WAIT_LIMIT).orElse(DEFAULT_WAIT_LIMIT)));
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return Optional.ofNullable(value == null ? null : value.getValue()).filter(v -> !v.isBlank());
    }
}
