package io.github.accounts.persistence;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.github.accounts.engine.DatabaseConfig;
import io.smallrye.config.SmallRyeConfig;

/**
 * Start-up's one-time work (the schema, the first admin) done by one instance at a time, however many start at once
 * and on whichever node of a cluster: the holder's name is written into the one row of {@value #TABLE}, and an UPDATE
 * that finds the row free is the only way to take it. Every server arbitrates two such updates itself (row locks, or
 * Galera's certification at commit, where GET_LOCK is only node-local). The holder renews the lease while it works;
 * a lease not renewed for {@link #TERM} (its holder was killed) is taken over. Waiters measure that on their own clock,
 * so the machines' clocks need not agree.
 */
public final class StartupLease implements AutoCloseable {

    public static final String TABLE = "accounts_startup_lease";
    public static final Duration TERM = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(StartupLease.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SAY_STILL_WAITING = Duration.ofSeconds(30);

    private final Connection connection;
    private final String holder;
    private final ScheduledExecutorService renewals;
    private long renewedAt;

    /** Holds nothing. */
    private StartupLease() {
        this.connection = null;
        this.holder = null;
        this.renewals = null;
    }

    private StartupLease(Connection connection, String holder, long renewedAt, Duration term) {
        this.connection = connection;
        this.holder = holder;
        this.renewedAt = renewedAt;
        this.renewals = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "startup-lease");
            thread.setDaemon(true);
            return thread;
        });
        long every = term.toMillis() / 3;
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until this instance holds the lease, on a connection of its own outside the pool (the work it guards takes
     * pooled ones, and a pool may have one), closed with the lease. A database in this process's memory is shared by
     * nobody: nothing is held (and in-memory SQLite has a single connection).
     */
    public static StartupLease take() throws SQLException {
        if (ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(DatabaseConfig.class).inMemory()) {
            return new StartupLease();
        }
        Connection own = UnpooledConnections.open();
        try {
            return take(own, TERM);
        } catch (SQLException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /** Waits until this instance holds the lease, on {@code connection}, which it closes with the lease. */
    static StartupLease take(Connection connection, Duration term) throws SQLException {
        connection.setAutoCommit(true);
        createTableAndRow(connection);
        String me = ProcessHandle.current().pid() + "@" + hostName() + "#" + UUID.randomUUID().toString().substring(0, 8);
        Holding seen = null;
        long seenSince = System.nanoTime();
        long saidWaiting = seenSince - SAY_STILL_WAITING.toNanos();
        while (true) {
            long now = nextRenewal(0);
            if (update(connection, "UPDATE " + TABLE + " SET holder = ?, renewed_at = ? WHERE id = 1 AND holder IS NULL",
                    me, now) == 1) {
                return new StartupLease(connection, me, now, term);
            }
            Holding current = read(connection); // null: given back meanwhile, or another's update was in the way
            if (current != null && !current.equals(seen)) {
                seen = current;
                seenSince = System.nanoTime();
            } else if (current != null && System.nanoTime() - seenSince >= term.toNanos() && update(connection, "UPDATE "
                    + TABLE + " SET holder = ?, renewed_at = ? WHERE id = 1 AND holder = ? AND renewed_at = ?", me, now,
                    current.holder(), current.renewedAt()) == 1) {
                LOG.warnf("Took over the start-up lease from %s, which had not renewed it for %.1f s (killed?)",
                        current.holder(), term.toMillis() / 1000.0);
                return new StartupLease(connection, me, now, term);
            }
            if (current != null && System.nanoTime() - saidWaiting >= SAY_STILL_WAITING.toNanos()) {
                LOG.infof("Waiting for %s to finish its start-up work (schema, first admin)", current.holder());
                saidWaiting = System.nanoTime();
            }
            pause();
        }
    }

    /**
     * The table and its one row, made by whoever comes first. Makers racing each other can fail (PostgreSQL's
     * {@code CREATE TABLE IF NOT EXISTS} is not atomic; two inserts of the row): the next try finds them made.
     */
    private static void createTableAndRow(Connection connection) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                        + " (id INTEGER NOT NULL PRIMARY KEY, holder VARCHAR(255), renewed_at BIGINT NOT NULL)");
                if (!hasRow(connection)) {
                    sql.executeUpdate("INSERT INTO " + TABLE + " (id, holder, renewed_at) VALUES (1, NULL, 0)");
                }
                return;
            } catch (SQLException racedByAnother) {
                if (attempt == Contention.ATTEMPTS) {
                    throw racedByAnother;
                }
                pause();
            }
        }
    }

    private static boolean hasRow(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM " + TABLE + " WHERE id = 1")) {
            row.next();
            return row.getInt(1) == 1;
        }
    }

    /** Who holds the lease and when it last renewed it, or null when it is free. */
    private static Holding read(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT holder, renewed_at FROM " + TABLE + " WHERE id = 1")) {
            return row.next() && row.getString(1) != null ? new Holding(row.getString(1), row.getLong(2)) : null;
        }
    }

    /**
     * Rows changed, or 0 when another instance's statement was in the way (a lock conflict, Galera's certification
     * failure at commit, SQLite busy): the caller looks again.
     */
    private static int update(Connection connection, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            return sql.executeUpdate();
        } catch (SQLException e) {
            if (Contention.isLockConflict(e) || Contention.waitedTooLong(e)) {
                return 0;
            }
            throw e;
        }
    }

    private static void pause() throws SQLException {
        try {
            Thread.sleep(POLL.toMillis() + (long) (Math.random() * POLL.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the start-up lease", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** A new value for renewed_at, different from the last one even if the clock stood still or went back. */
    private static long nextRenewal(long last) {
        return Math.max(System.currentTimeMillis(), last + 1);
    }

    private synchronized void renew() {
        try {
            long next = nextRenewal(renewedAt);
            if (update(connection, "UPDATE " + TABLE + " SET renewed_at = ? WHERE id = 1 AND holder = ?", next,
                    holder) == 1) {
                renewedAt = next;
            }
        } catch (SQLException e) {
            LOG.warnf("Could not renew the start-up lease: %s", e.getMessage());
        }
    }

    /** Gives the lease back (again after a statement of another's was in the way: waiters would wait out the term). */
    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        renewals.shutdownNow();
        try (connection) {
            giveBack();
        }
    }

    private synchronized void giveBack() throws SQLException {
        for (int attempt = 1; attempt <= Contention.ATTEMPTS; attempt++) {
            if (update(connection, "UPDATE " + TABLE + " SET holder = NULL WHERE id = 1 AND holder = ?", holder) == 1) {
                return;
            }
            Holding current = read(connection);
            if (current == null || !holder.equals(current.holder())) {
                return; // taken over meanwhile
            }
            pause();
        }
    }

    private record Holding(String holder, long renewedAt) {
    }
}
