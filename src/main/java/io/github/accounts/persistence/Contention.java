package io.github.accounts.persistence;

import java.sql.SQLException;
import java.util.Set;

import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

/**
 * Failures that say "another transaction was in the way" rather than "this request is wrong": a lock not granted in
 * time (SQLite's single writer, a lock wait timeout), a deadlock victim, a serialization failure. The same work,
 * retried a moment later, can succeed; {@link #ATTEMPTS} and {@link #pause} say how.
 */
public final class Contention {

    /** How often a write is tried before its contention is answered as a busy database (503). */
    public static final int ATTEMPTS = 16;

    /** Serialization failure and deadlock (SQL standard, PostgreSQL, H2), MariaDB/MySQL's deadlock and lock wait timeout. */
    private static final Set<String> SQL_STATES = Set.of("40001", "40P01");
    private static final Set<Integer> MYSQL_ERRORS = Set.of(1213, 1205);

    private Contention() {
    }

    /** Whether {@code e}, or any of its causes, is a lock conflict. */
    public static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LockAcquisitionException || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && (SQL_STATES.contains(sql.getSQLState()) || MYSQL_ERRORS.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} is a lock conflict, or a row changed by another transaction since it was read. */
    public static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return isLockConflict(e);
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
