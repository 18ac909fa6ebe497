package io.github.accounts.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The failed sign-ins counted against one account (or one bucket of unknown usernames), in the database, so that every
 * instance sharing it counts the same failures. Times are epoch milliseconds of the instances' clocks.
 * <p>
 * Sign-in's own statements are declared here too: an account's credential with its lockout in one statement, the
 * same for the caller's row beside the accounts a call reads, and a change made only where the caller's row matches.
 */
@Entity
@Table(name = "sign_in_failures")
public class SignInFailure {

    // Plain strings rather than @NamedQuery: Hibernate compiles each on first use (and keeps it), not all at start-up.
    // The credential read, the first statement of nearly every start-up and sign-in, is SQL: it needs no HQL
    // translation, cold or warm. Its columns are named for the scalar types the read gives them.
    static final String CREDENTIALS = """
            select a.id, a.username, a.password, a.role, coalesce(f.failures, 0) failures,
                   coalesce(f.blocked_until, 0) blocked_until
            from accounts a left join sign_in_failures f on f.subject = a.id where a.username = :username""";
    static final String WITH_CALLER = """
            select a, coalesce(f.failures, 0), coalesce(f.blockedUntil, 0L)
            from Account a left join SignInFailure f on f.subject = a.id where a.id in (:id, :caller)""";
    static final int CALLER_COLUMNS = 5;
    static final String BLOCKED_UNTIL = "select blockedUntil from SignInFailure where subject = :subject";
    // Every right-hand side reads only columns assigned after it: MariaDB assigns left to right, the others all at once.
    static final String COUNT = """
            update SignInFailure set
              blockedUntil = case when (case when windowStart < :windowOpened then 1 else failures + 1 end) >= :max
                                  then :blockedUntil else blockedUntil end,
              failures = case when windowStart < :windowOpened then 1 else failures + 1 end,
              windowStart = case when windowStart < :windowOpened then :now else windowStart end
            where subject = :subject""";
    static final String CLEAR = "delete from SignInFailure where subject = :subject";

    /**
     * The {@code columns} (first) of the rows a filter ({@code condition} on the account called a) selects, each
     * beside the caller's credential ({@value #CALLER_COLUMNS} columns, last): its only row has no account columns
     * when the filter selects none, and there is no row at all when the caller's account is gone. Concatenated rather
     * than formatted: it is built on every call.
     */
    static String rowsWithCaller(String columns, String condition) {
        return "select " + columns + ", c.username, c.password, c.role, coalesce(f.failures, 0), coalesce(f.blockedUntil, 0L)"
                + " from Account c left join SignInFailure f on f.subject = c.id left join Account a on " + condition
                + " where c.id = :caller order by a.id";
    }

    /**
     * PostgreSQL's one-statement change of the account called a ({@code assignments}, each followed by a comma), made
     * only where the caller's row still stands as its credential was verified: same username, hash and role, and no
     * failed sign-in counted against it. It sets the version and the time of the change and answers the changed row;
     * with {@code versioned}, only at the version {@code :version}.
     */
    static String changeWhereCallerMatches(String assignments, boolean versioned) {
        return "update accounts a set " + assignments + "version = a.version + 1, last_updated = :now"
                + " from accounts c left join sign_in_failures f on f.subject = c.id"
                + " where a.id = :id and c.id = :caller and c.username = :username and c.password = :password"
                + " and c.role = :role and f.subject is null" + (versioned ? " and a.version = :version" : "")
                + " returning a.*";
    }

    /** An account's id, or a negative number for a bucket of usernames that no account has. */
    @Id
    public long subject;

    @Column(nullable = false)
    public int failures;

    @Column(name = "window_start", nullable = false)
    public long windowStart;

    @Column(name = "blocked_until", nullable = false)
    public long blockedUntil;
}
