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
class SignInLockout {

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

    /**
     * Counts a failure, atomically, however many instances count at the same time. The count's rule lives in one
     * statement, {@link SignInFailure#COUNT}: a subject's first failure inserts an empty row for it to count in.
     */
    void failed(long subject) {
        long now = System.currentTimeMillis();
        if (count(subject, now) > 0) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SignInFailure empty = new SignInFailure();
                empty.subject = subject;
                session.persist(empty);
            });
        } catch (PersistenceException | QuarkusTransactionException e) {
            // another sign-in inserted it at the same time; if neither did, counting below fails and says why
        }
        if (count(subject, now) == 0) {
            throw new IllegalStateException("no sign_in_failures row for subject " + subject + " to count in");
        }
    }

    /** Forgets the failures of an account that has just signed in. */
    void succeeded(long subject) {
        QuarkusTransaction.requiringNew().run(() -> session.createQuery(SignInFailure.CLEAR)
                .setParameter("subject", subject).executeUpdate());
    }

    private int count(long subject, long now) {
        return QuarkusTransaction.requiringNew().call(() -> session.createQuery(SignInFailure.COUNT)
                .setParameter("subject", subject)
                .setParameter("windowOpened", now - windowMillis)
                .setParameter("now", now)
                .setParameter("max", maxFailures)
                .setParameter("blockedUntil", now + windowMillis)
                .executeUpdate());
    }
}
