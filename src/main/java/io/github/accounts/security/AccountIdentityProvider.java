package io.github.accounts.security;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

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
 * HTTP Basic sign-in against the {@code accounts} table itself. Every call reads the account's credential, role and
 * lockout as stored now (one indexed read), so a change made through any instance counts on the next call. bcrypt runs
 * only for a password not verified recently against that very hash ({@link VerifiedCredentials}); an unknown username
 * costs a bcrypt check too, so it cannot be told from a wrong password by time.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The identity attribute that holds the signed-in account's id. */
    static final String ACCOUNT_ID = "accountId";
    /** The longest username the {@code accounts} table holds: a longer one is no account's. */
    static final int MAX_USERNAME_LENGTH = 64;
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

    /**
     * Checks the password against the account as stored now, unless its failures block it. Only the exact username
     * signs in: a variant that the database's collation matches to the account (other case, trailing space) is a wrong
     * password for that account, counted against it.
     */
    private SecurityIdentity signIn(String username, String password) {
        if (username.length() > MAX_USERNAME_LENGTH || !PasswordHasher.fits(password)) {
            // No account can have it: answered at once, without a read, a bcrypt check or a count to keep.
            throw new AuthenticationFailedException("wrong username or password");
        }
        Optional<StoredCredential> stored = load(username);
        long subject = stored.map(StoredCredential::id).orElseGet(() -> SignInLockout.unknownSubject(username));
        requireNotBlocked(stored.isPresent() ? stored.get().blockedUntil() : blockedUntil(subject));
        boolean matches = stored.isPresent() && stored.get().username().equals(username)
                ? matches(username, password, stored.get())
                : hasher.matchesNothing(password);
        if (!matches) {
            lockout.failed(subject);
            throw new AuthenticationFailedException("wrong username or password");
        }
        if (stored.get().failures() > 0) {
            lockout.succeeded(subject);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRole(stored.get().role())
                .addAttribute(ACCOUNT_ID, stored.get().id())
                .build();
    }

    private static void requireNotBlocked(long blockedUntil) {
        long retryAfter = SignInLockout.retryAfterSeconds(blockedUntil);
        if (retryAfter > 0) {
            throw new AuthenticationFailedException(new SignInThrottledException(retryAfter));
        }
    }

    /** bcrypt, unless this password matched this very hash recently. */
    private boolean matches(String username, String password, StoredCredential stored) {
        if (verified.recalls(username, password, stored.password())) {
            return true;
        }
        if (!hasher.isHash(stored.password()) && unreadablePasswords.size() < MAX_REPORTED
                && unreadablePasswords.add(stored.id())) {
            LOG.warnf("Account %d has a stored password that is no bcrypt hash (another program wrote it?): it cannot"
                    + " sign in until its password is set through the API", stored.id());
        }
        if (!hasher.matches(password, stored.password())) {
            return false;
        }
        verified.remember(username, password, stored.password());
        return true;
    }

    /** The account's current id, username, hash, role and lockout: one indexed read through a stateless session. */
    private Optional<StoredCredential> load(String username) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            return session.createNativeQuery(StoredCredential.BY_USERNAME, Object[].class)
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
}
