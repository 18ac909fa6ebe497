package io.github.accounts.persistence;

import java.sql.SQLException;
import java.util.Set;

import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

/**
 * Failures that say "another transaction was in the way" rather than "this request is wrong". A deadlock victim or a
 * serialization failure is a lock conflict: the same work, retried a moment later, can succeed ({@link #ATTEMPTS} and
 * {@link #pause} say how). A wait that ran into {@code database.wait-limit} is not retried: it would wait as long again.
 */
public final class Contention {

    /** How often a write is tried before its contention is answered as a busy database (503). */
    public static final int ATTEMPTS = 16;

    /** Serialization failure and deadlock (SQL standard, PostgreSQL, H2), MariaDB/MySQL's deadlock. */
    private static final Set<String> SQL_STATES = Set.of("40001", "40P01");
    private static final Set<Integer> MYSQL_ERRORS = Set.of(1213);
    /**
     * A lock not granted or a statement cancelled within the limit: PostgreSQL's lock_not_available and query_canceled,
     * H2's lock timeout and cancelled statement; MariaDB/MySQL's lock wait timeout, MariaDB's max_statement_time, MySQL's
     * max_execution_time; SQLite's SQLITE_BUSY once its busy timeout has passed.
     */
    private static final Set<String> WAIT_SQL_STATES = Set.of("55P03", "57014", "HYT00");
    private static final Set<Integer> WAIT_ERRORS = Set.of(1205, 1969, 3024, 50200);

    private Contention() {
    }

    /** Whether {@code e} carries ({@link Causes}) a lock conflict that a retry may resolve. */
    public static boolean isLockConflict(Throwable e) {
        return !waitedTooLong(e) && Causes.anyMatch(e, t -> t instanceof LockAcquisitionException
                || t instanceof PessimisticLockException || t instanceof LockTimeoutException
                || t instanceof SQLException sql && (sqlStateIn(sql, SQL_STATES) || MYSQL_ERRORS.contains(sql.getErrorCode())));
    }

    /** Whether {@code e} carries a statement or lock wait the database ended at the wait limit. */
    public static boolean waitedTooLong(Throwable e) {
        return Causes.anyMatch(e, t -> t instanceof SQLException sql && (sqlStateIn(sql, WAIT_SQL_STATES)
                || WAIT_ERRORS.contains(sql.getErrorCode())
                || sql instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY));
    }

    /** SQLite's driver reports no SQLState, and {@code Set.of(...)} holds no null to compare with. */
    private static boolean sqlStateIn(SQLException e, Set<String> states) {
        return e.getSQLState() != null && states.contains(e.getSQLState());
    }

    /** Whether {@code e} is a lock conflict, or a row changed by another transaction since it was read. */
    public static boolean isRetryable(Throwable e) {
        return Causes.anyMatch(e, t -> t instanceof OptimisticLockException || t instanceof StaleStateException)
                || isLockConflict(e);
    }

    /** A short, growing, randomised pause, so that the writes that collided do not collide again in step. */
    public static void pause(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 5 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
