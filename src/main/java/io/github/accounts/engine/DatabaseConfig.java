package io.github.accounts.engine;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.Converter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** The {@code database.*} settings: SQLAlchemy's {@code create_engine(uri, echo=...)}. */
@ConfigMapping(prefix = "database")
public interface DatabaseConfig {

    /**
     * The database URI, {@code dialect[+driver]://[username[:password]@]host[:port]/database[?key=value&...]}
     * (env {@code DATABASE_URI}; when unset, {@code DATABASE_URL}); its dialect is fixed when the application is built.
     */
    Optional<String> uri();

    /** Heroku's {@code DATABASE_URL}, honoured when {@code database.uri} is unset. */
    Optional<String> url();

    /** Whether the database lives in this process's memory: no other instance or program can share it. */
    default boolean inMemory() {
        return DatabaseUri.parse(uri().or(this::url).orElse(DatabaseUri.DEFAULT)).inMemory();
    }

    /**
     * The longest a statement may run or wait for a lock before the database gives up on it: the call is then answered
     * 503 with {@code Retry-After}, nothing changed (SQLite: its busy timeout). Readiness says DOWN once no worker
     * thread has been free for this long.
     */
    @WithDefault("5S")
    Duration waitLimit();

    /** Log the SQL the service sends: {@code false}, {@code true} or {@code debug}; can be changed at run time. */
    @WithDefault("false")
    @WithConverter(EchoConverter.class)
    Echo echo();

    /** Reads {@code database.echo} with a message that says which values are allowed. */
    class EchoConverter implements Converter<Echo> {
        @Override
        public Echo convert(String value) {
            return Echo.of(value);
        }
    }
}
