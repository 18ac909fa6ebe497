package io.github.accounts.engine;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * SQLAlchemy's {@code engine}: which database the service talks to, and its echo setting. Echo is seeded from
 * {@code database.echo} and can be changed while the service runs; it works by switching Hibernate's own SQL,
 * bind-parameter and row-extraction loggers, so nothing is paid for it while it is off.
 */
@ApplicationScoped
public class Engine {

    static final String SQL = "org.hibernate.SQL";
    static final String BIND = "org.hibernate.orm.jdbc.bind";
    static final String EXTRACT = "org.hibernate.orm.jdbc.extract";

    private final DatabaseConfig config;
    private final String dbKind;
    private final Optional<String> jdbcUrl;
    private volatile Echo echo = Echo.FALSE;

    Engine(DatabaseConfig config, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        this.config = config;
        this.dbKind = dbKind;
        this.jdbcUrl = jdbcUrl;
    }

    void onStart(@Observes StartupEvent event) {
        setEcho(config.echo());
    }

    public boolean echoing() {
        return echo != Echo.FALSE;
    }

    public synchronized void setEcho(Echo echo) {
        this.echo = echo;
        level(SQL, echo == Echo.FALSE ? org.jboss.logmanager.Level.INFO : org.jboss.logmanager.Level.DEBUG);
        level(BIND, echo == Echo.FALSE ? org.jboss.logmanager.Level.INFO : org.jboss.logmanager.Level.TRACE);
        level(EXTRACT, echo == Echo.DEBUG ? org.jboss.logmanager.Level.TRACE : org.jboss.logmanager.Level.INFO);
        Logger.getLogger(Engine.class).infof("Echo is %s", echo);
    }

    /** {@code repr(engine)}: the URL with its password masked, the dialect and the driver. */
    public EngineView view() {
        Dialect dialect = Dialect.fromDbKind(dbKind).orElse(null);
        DatabaseUri fallback = DatabaseUri.parse(DatabaseUri.DEFAULT);
        String url = config.uri().or(config::url).map(u -> DatabaseUri.parse(u).toString())
                .orElseGet(() -> jdbcUrl.filter(u -> !u.equals(fallback.jdbcUrl())).map(DatabaseUri::maskedJdbcUrl)
                        .orElse(fallback.toString()));
        return new EngineView(url, dialect == null ? dbKind : dialect.uriName(),
                dialect == null ? dbKind : dialect.jdbcDriver(), echo);
    }

    private static void level(String category, java.util.logging.Level level) {
        java.util.logging.Logger.getLogger(category).setLevel(level);
    }
}
