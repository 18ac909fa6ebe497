package io.github.accounts.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Slows password guessing: after too many failed sign-ins for one account within the window, every attempt for it is
 * refused until the window has passed, whatever the password. A success resets the count.
 * <p>
 * The count is a row of {@link SignInFailure}, so it is shared by every instance on the database and kept per account
 * as the database matches usernames. Usernames that no account has are counted too, so that the lockout does not tell
 * them apart; they share a fixed number of rows, so a flood of them grows neither memory nor the table.
 */
@ApplicationScoped
public class SignInLockout {

    private final EntityManager session;
    private final int maxFailures;
    private final long windowMillis;

    SignInLockout(EntityManager session, SecurityConfig config) {
        this.session = session;
        this.maxFailures = config.signIn().maxFailures();
        this.windowMillis = config.signIn().window().toMillis();
    }

    /** The row that counts failures for a username no account has. */
    static long unknownSubject(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return -1 - ((digest[0] & 0xff) << 8 | digest[1] & 0xff); // one of 65,536 rows, shared by all instances
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Seconds until a row blocked until then (epoch milliseconds) lets sign-ins try again; 0: they may try now. */
    static long retryAfterSeconds(long blockedUntil) {
        long remaining = blockedUntil - System.currentTimeMillis();
        return remaining > 0 ? Math.max(1, (remaining + 999) / 1000) : 0;
    }

    /** Counts a failure, atomically, however many instances count at the same time. */
    void failed(long subject) {
        long now = System.currentTimeMillis();
        if (count(subject, now) > 0) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SignInFailure first = new SignInFailure();
                first.subject = subject;
                first.failures = 1;
                first.windowStart = now;
                first.blockedUntil = maxFailures <= 1 ? now + windowMillis : 0;
                session.persist(first);
            });
        } catch (PersistenceException | QuarkusTransactionException e) {
            if (count(subject, now) == 0) { // not someone else's first failure at the same time: a real error
                throw e;
            }
        }
    }

    /** Forgets the failures of an account that has just signed in. */
    void succeeded(long subject) {
        QuarkusTransaction.requiringNew().run(() -> session.createNamedQuery(SignInFailure.CLEAR)
                .setParameter("subject", subject).executeUpdate());
    }

    private int count(long subject, long now) {
        return QuarkusTransaction.requiringNew().call(() -> session.createNamedQuery(SignInFailure.COUNT)
                .setParameter("subject", subject)
                .setParameter("windowOpened", now - windowMillis)
                .setParameter("now", now)
                .setParameter("max", maxFailures)
                .setParameter("blockedUntil", now + windowMillis)
                .executeUpdate());
    }
}
