package io.github.accounts.problem;

import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import org.hibernate.exception.JDBCConnectionException;

import io.github.accounts.persistence.Causes;
import io.vertx.core.http.HttpClosedException;

/** Failures that are nobody's mistake in the request: a database out of reach, a client that hung up. */
final class Failures {

    private Failures() {
    }

    /**
     * No connection could be had, or the database ended one: SQLState class 08 (connection exception) and 57 (operator
     * intervention: a shutdown, restart or {@code pg_terminate_backend}), or the pool's acquisition timeout (Agroal's
     * "Acquisition timeout while waiting for new connection", which carries no SQLState).
     */
    static boolean databaseUnreachable(Throwable e) {
        return Causes.anyMatch(e, t -> t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLException sql && (sqlStateClass(sql, "08") || sqlStateClass(sql, "57")
                        || String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")));
    }

    private static boolean sqlStateClass(SQLException e, String sqlStateClass) {
        return e.getSQLState() != null && e.getSQLState().startsWith(sqlStateClass);
    }

    static boolean clientHungUp(Throwable e) {
        return Causes.anyMatch(e, t -> t instanceof HttpClosedException || t instanceof ClosedChannelException);
    }
}
