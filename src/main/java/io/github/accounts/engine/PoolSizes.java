package io.github.accounts.engine;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;

/**
 * Default sizes of the worker pool and the connection pool: two per core. Every call here is blocking database work,
 * so threads and connections beyond about twice the cores only add context switches and idle database backends
 * (docs/decisions/0008). Its ordinal is below {@code application.properties} and the environment, so
 * {@code QUARKUS_THREAD_POOL_MAX_THREADS} and {@code QUARKUS_DATASOURCE_JDBC_MAX_SIZE} still win.
 */
public class PoolSizes extends PropertiesConfigSource {

    static final int ORDINAL = 150;

    public PoolSizes() {
        this(Runtime.getRuntime().availableProcessors());
    }

    PoolSizes(int cores) {
        super(Map.of("quarkus.thread-pool.max-threads", Integer.toString(2 * cores),
                "quarkus.datasource.jdbc.max-size", Integer.toString(2 * cores)), "pool sizes: two per core", ORDINAL);
    }
}
