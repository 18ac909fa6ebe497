package io.github.accounts.persistence.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.sqlite.JDBC;
import org.sqlite.jdbc4.JDBC4Connection;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * SQLite's JDBC driver, except that a transaction begins ({@code BEGIN IMMEDIATE}, taking the write lock) when its
 * first statement is prepared, not when auto-commit is turned off or the previous transaction ends. sqlite-jdbc begins
 * eagerly, and when that {@code BEGIN} waits out the busy timeout it still marks the connection as inside a
 * transaction; the transaction manager retries the failed enlistment, and the call's statements then ran each in an
 * implicit transaction of their own, committed one by one, the call answered 500. It also began the next transaction
 * right after each commit, so that a commit could wait for another writer, fail, and report a transaction that had
 * committed. Here a {@code BEGIN} that fails fails the statement that needed it (503, nothing written).
 * Decision 0006 says why.
 */
@RegisterForReflection
public final class SqliteDriver extends JDBC {

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String address = url.trim();
        return new LazyBeginConnection(address, address.substring(PREFIX.length()), info);
    }

    /** A connection that begins each transaction with its first statement. */
    static final class LazyBeginConnection extends JDBC4Connection {

        /** Auto-commit is off but no transaction is open: the next statement begins one. */
        private boolean beginPending;

        LazyBeginConnection(String url, String fileName, Properties info) throws SQLException {
            super(url, fileName, info);
        }

        @Override
        public void setAutoCommit(boolean autoCommit) throws SQLException {
            checkOpen();
            if (getAutoCommit() == autoCommit) {
                return;
            }
            if (autoCommit && !beginPending) {
                getDatabase().exec("commit;", false);
            }
            getConnectionConfig().setAutoCommit(autoCommit);
            beginPending = !autoCommit;
        }

        /** A failed COMMIT leaves its transaction open, for the ROLLBACK that follows. */
        @Override
        public void commit() throws SQLException {
            if (!nothingBegan()) {
                getDatabase().exec("commit;", false);
                beginPending = true;
            }
        }

        /** Even a failed ROLLBACK leaves no transaction open. */
        @Override
        public void rollback() throws SQLException {
            if (!nothingBegan()) {
                beginPending = true;
                getDatabase().exec("rollback;", false);
            }
        }

        private boolean nothingBegan() throws SQLException {
            checkOpen();
            if (getAutoCommit()) {
                throw new SQLException("database in auto-commit mode");
            }
            return beginPending;
        }

        @Override
        public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
            beginIfPending();
            return super.createStatement(type, concurrency, holdability);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
                throws SQLException {
            beginIfPending();
            return super.prepareStatement(sql, type, concurrency, holdability);
        }

        private void beginIfPending() throws SQLException {
            checkOpen();
            if (beginPending) {
                getDatabase().exec(transactionPrefix(), false);
                beginPending = false;
            }
        }
    }
}
