package io.github.accounts.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The failed sign-ins counted against one account (or one bucket of unknown usernames), in the database, so that every
 * instance sharing it counts the same failures. Times are epoch milliseconds of the instances' clocks.
 * <p>
 * Sign-in's own reads are declared here too: an account's credential with its lockout in one statement, and the
 * same for the caller's row beside the account a call reads.
 */
@Entity
@Table(name = "sign_in_failures")
@NamedQuery(name = SignInFailure.CREDENTIALS, query = """
        select a.id, a.username, a.password, a.role, coalesce(f.failures, 0), coalesce(f.blockedUntil, 0L)
        from Account a left join SignInFailure f on f.subject = a.id where a.username = :username""")
@NamedQuery(name = SignInFailure.WITH_CALLER, query = """
        select a, coalesce(f.failures, 0), coalesce(f.blockedUntil, 0L)
        from Account a left join SignInFailure f on f.subject = a.id where a.id in (:id, :caller)""")
@NamedQuery(name = SignInFailure.BLOCKED_UNTIL, query = "select blockedUntil from SignInFailure where subject = :subject")
// Every right-hand side reads only columns assigned after it: MariaDB assigns left to right, the others all at once.
@NamedQuery(name = SignInFailure.COUNT, query = """
        update SignInFailure set
          blockedUntil = case when (case when windowStart < :windowOpened then 1 else failures + 1 end) >= :max
                              then :blockedUntil else blockedUntil end,
          failures = case when windowStart < :windowOpened then 1 else failures + 1 end,
          windowStart = case when windowStart < :windowOpened then :now else windowStart end
        where subject = :subject""")
@NamedQuery(name = SignInFailure.CLEAR, query = "delete from SignInFailure where subject = :subject")
public class SignInFailure {

    static final String CREDENTIALS = "SignInFailure.credentials";
    static final String WITH_CALLER = "SignInFailure.withCaller";
    static final String BLOCKED_UNTIL = "SignInFailure.blockedUntil";
    static final String COUNT = "SignInFailure.count";
    static final String CLEAR = "SignInFailure.clear";

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
