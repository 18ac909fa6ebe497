package io.github.accounts.persistence;

import java.sql.SQLException;
import java.util.Set;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A write that met a server which takes no writes: a primary that a failover demoted to a standby (PostgreSQL's
 * 25006; MariaDB's and MySQL's 1290 for {@code --read-only}, 1792 for a read-only transaction). A driver picks among
 * several hosts only when it opens a connection, so every connection in the pool may lead there: the pool lets go of
 * them all (idle ones at once, busy ones when they come back), and the next calls open new ones, to whichever server
 * is the primary now.
 */
@ApplicationScoped
public class ReadOnlyServer {

    private static final String READ_ONLY_TRANSACTION = "25006";
    private static final Set<Integer> MYSQL_ERRORS = Set.of(1290, 1792);

    private final AgroalDataSource pool;

    ReadOnlyServer(AgroalDataSource pool) {
        this.pool = pool;
    }

    /** Whether {@code e} carries a write the server refused as read-only; if so, the pool has let go of its connections. */
    public boolean met(Throwable e) {
        boolean readOnly = Causes.anyMatch(e, t -> t instanceof SQLException sql
                && (READ_ONLY_TRANSACTION.equals(sql.getSQLState()) || MYSQL_ERRORS.contains(sql.getErrorCode())));
        if (readOnly) {
            pool.flush(AgroalDataSource.FlushMode.GRACEFUL);
        }
        return readOnly;
    }
}
