package io.github.accounts.security;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

import io.github.accounts.account.Account;
import io.github.accounts.account.PasswordHasher;
import io.github.accounts.persistence.SecretString;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * HTTP Basic sign-in against the {@code accounts} table itself. bcrypt runs only for a credential not verified
 * recently; an unknown username costs a bcrypt check too, so it cannot be told from a wrong password by time.
 * <p>
 * Every call checks the credential against the account's current row, so a change made through any instance counts on
 * the next call. A credential verified recently is not read here: its identity is {@linkplain PendingSignIn pending}
 * until {@link Caller} confirms it, with a read of its own or with the caller's row that the call's own statement
 * fetched, which saves a round trip to the database on such calls.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The account id of a confirmed identity. */
    public static final String ACCOUNT_ID = "accountId";
    /** The {@link PendingSignIn} of an identity not confirmed yet; such an identity has no roles and no account id. */
    static final String PENDING = "pendingSignIn";
    private static final Logger LOG = Logger.getLogger(AccountIdentityProvider.class);
    private static final int MAX_REPORTED = 10_000;

    private final SessionFactory sessions;
    private final PasswordHasher hasher;
    private final VerifiedCredentials verified;
    private final SignInLockout lockout;
    /** The stored password's type as the entity maps it: read, never echoed. */
    private final BasicType<String> secret;
    /** Accounts already reported for a stored password no check can read: each is logged once. */
    private final Set<Long> unreadablePasswords = ConcurrentHashMap.newKeySet();

    AccountIdentityProvider(SessionFactory sessions, PasswordHasher hasher, VerifiedCredentials verified,
            SignInLockout lockout) {
        this.sessions = sessions;
        this.hasher = hasher;
        this.verified = verified;
        this.lockout = lockout;
        this.secret = SecretString.type(sessions);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> signIn(request.getUsername(), new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity signIn(String username, String password) {
        if (username.length() > Account.USERNAME_LENGTH || !PasswordHasher.fits(password)) {
            // No account can have it: answered at once, without a read, a bcrypt check or a count to keep.
            throw new AuthenticationFailedException("wrong username or password");
        }
        Optional<StoredCredential> remembered = verified.recall(username, password);
        if (remembered.isPresent()) {
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(username))
                    .addAttribute(PENDING, new PendingSignIn(username, password, remembered.get()))
                    .build();
        }
        return check(username, password, Optional.empty(), load(username));
    }

    /**
     * Checks the password against the account as stored now (empty: no such username), unless its failures block it;
     * bcrypt only if the hash differs from the one it was {@code remembered} to match. Only the exact username signs
     * in: a variant that the database's collation matches to the account (other case, trailing space) is a wrong
     * password for that account, counted against it.
     */
    private SecurityIdentity check(String username, String password, Optional<StoredCredential> remembered,
            Optional<StoredCredential> stored) {
        long subject = stored.map(StoredCredential::id).orElseGet(() -> SignInLockout.unknownSubject(username));
        requireNotBlocked(stored.isPresent() ? stored.get().blockedUntil() : blockedUntil(subject));
        boolean matches = stored.isPresent() && stored.get().username().equals(username)
                ? remembered.filter(r -> r.password().equals(stored.get().password())).isPresent()
                        || verify(username, password, stored.get())
                : hasher.matchesNothing(password);
        if (!matches) {
            lockout.failed(subject);
            throw new AuthenticationFailedException("wrong username or password");
        }
        if (stored.get().failures() > 0) {
            lockout.succeeded(subject);
        }
        return signedIn(username, stored.get());
    }

    private static void requireNotBlocked(long blockedUntil) {
        long retryAfter = SignInLockout.retryAfterSeconds(blockedUntil);
        if (retryAfter > 0) {
            throw new AuthenticationFailedException(new SignInThrottledException(retryAfter));
        }
    }

    private boolean verify(String username, String password, StoredCredential stored) {
        if (!hasher.isHash(stored.password()) && unreadablePasswords.size() < MAX_REPORTED
                && unreadablePasswords.add(stored.id())) {
            LOG.warnf("Account %d has a stored password that is no bcrypt hash (another program wrote it?): it cannot"
                    + " sign in until its password is set through the API", stored.id());
        }
        if (!hasher.matches(password, stored.password())) {
            return false;
        }
        verified.remember(username, password, stored);
        return true;
    }

    private SecurityIdentity signedIn(String username, StoredCredential account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRole(account.role())
                .addAttribute(ACCOUNT_ID, account.id())
                .build();
    }

    /** The account's current id, username, hash, role and lockout: one indexed read through a stateless session. */
    Optional<StoredCredential> load(String username) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            return session.createNativeQuery(SignInFailure.CREDENTIALS, Object[].class)
                    .addScalar("id", StandardBasicTypes.LONG)
                    .addScalar("username", StandardBasicTypes.STRING)
                    .addScalar("password", secret)
                    .addScalar("role", StandardBasicTypes.STRING)
                    .addScalar("failures", StandardBasicTypes.INTEGER)
                    .addScalar("blocked_until", StandardBasicTypes.LONG)
                    .setParameter("username", username)
                    .uniqueResultOptional().map(StoredCredential::of);
        }
    }

    /** When the lockout row of usernames no account has stops refusing them (epoch milliseconds; 0: not blocked). */
    private long blockedUntil(long subject) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            return session.createSelectionQuery(SignInFailure.BLOCKED_UNTIL, Long.class)
                    .setParameter("subject", subject)
                    .uniqueResultOptional().orElse(0L);
        }
    }

    /** What sign-in needs of an account: its credential, and its failed sign-ins as counted now. */
    record StoredCredential(Long id, String username, String password, String role, Integer failures, Long blockedUntil) {

        /** From a row of {@link SignInFailure#CREDENTIALS}. */
        static StoredCredential of(Object[] row) {
            return new StoredCredential((Long) row[0], (String) row[1], (String) row[2], (String) row[3], (Integer) row[4],
                    (Long) row[5]);
        }

        static StoredCredential of(Account account, int failures, long blockedUntil) {
            return new StoredCredential(account.id, account.username, account.password, account.role, failures, blockedUntil);
        }

        @Override
        public String toString() {
            return "StoredCredential[id=" + id + ", role=" + role + "]";
        }
    }

    /**
     * A sign-in with a credential verified recently, not yet checked against the account's current row. Nothing may
     * be decided on it before {@link #confirm} succeeds: {@link Caller} sees to that.
     */
    final class PendingSignIn {

        private final String username;
        private final String password;
        private final StoredCredential remembered;

        private PendingSignIn(String username, String password, StoredCredential remembered) {
            this.username = username;
            this.password = password;
            this.remembered = remembered;
        }

        /** The account the credential was verified against; a read may fetch its row to {@link #confirm(Optional)} it. */
        long accountId() {
            return remembered.id();
        }

        /** The role the account had then: a hint for what to fetch, never a permission. */
        String rememberedRole() {
            return remembered.role();
        }

        /**
         * The caller's row as it must stand for a statement that matches it to confirm this sign-in: the account as
         * it was verified, with no failed sign-in counted (a row that differs is left to {@link #confirm(Optional)}).
         */
        StoredCredential rowThatConfirms() {
            return new StoredCredential(remembered.id(), username, remembered.password(), remembered.role(), 0, 0L);
        }

        /** Confirms with a read of its own. */
        SecurityIdentity confirm() {
            return check(username, password, Optional.of(remembered), load(username));
        }

        /**
         * Confirms against the row of {@link #accountId()} as a call's own statement found it (empty: gone). The same
         * username and hash confirm it, with the role the row has now; anything else is checked afresh.
         */
        SecurityIdentity confirm(Optional<StoredCredential> row) {
            if (row.isEmpty() || !row.get().username().equals(username) || !row.get().password().equals(remembered.password())) {
                return confirm();
            }
            requireNotBlocked(row.get().blockedUntil());
            if (row.get().failures() > 0) {
                lockout.succeeded(remembered.id());
            }
            if (!row.get().role().equals(remembered.role())) {
                verified.remember(username, password, row.get());
            }
            return signedIn(username, row.get());
        }

        @Override
        public String toString() {
            return "PendingSignIn[account " + remembered.id() + "]";
        }
    }
}
