package io.github.accounts.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The failed sign-ins counted against one account (or one bucket of unknown usernames), in the database, so that every
 * instance sharing it counts the same failures. Times are epoch milliseconds of the instances' clocks.
 */
@Entity
@Table(name = "sign_in_failures")
public class SignInFailure {

    // Plain strings rather than @NamedQuery: Hibernate compiles each on first use (and keeps it), not all at start-up.
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
