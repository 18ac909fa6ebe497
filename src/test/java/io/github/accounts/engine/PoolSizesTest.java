package io.github.accounts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Without settings of their own, the worker pool and the connection pool hold two per core. */
@QuarkusTest
class PoolSizesTest {

    private static final int TWO_PER_CORE = 2 * Runtime.getRuntime().availableProcessors();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void connectionPoolShouldHoldTwoPerCore() {
        assertEquals(TWO_PER_CORE, dataSource.getConfiguration().connectionPoolConfiguration().maxSize());
    }

    @Test
    void workerPoolShouldHoldTwoPerCore() {
        assertEquals(TWO_PER_CORE, ConfigProvider.getConfig().getValue("quarkus.thread-pool.max-threads", Integer.class));
    }
}
