package io.github.accounts.security;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

import io.github.accounts.logging.RequestWorkers;
import io.github.accounts.persistence.SecretString;
import io.github.accounts.problem.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
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

    /**
     * Reads the account on a worker thread, checks the password on {@link BcryptPool} (no thread waits for it
     * meanwhile; a password recalled for the current hash needs no check), then, when there is something to write (a
     * failure to count, earlier failures to forget), writes it on a worker thread again. A refusal before the check (throttled, bcrypt's
     * pool full) travels as the cause of the {@code AuthenticationFailedException} and is answered as itself.
     */
    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String client = Caller.addressOf(http == null ? null : http.request());
        Context vertx = Vertx.currentContext();
        Executor backOnRequest = vertx == null ? Runnable::run : task -> vertx.runOnContext(ignored -> task.run());
        return Uni.createFrom().item(() -> read(username, password, client)).runSubscriptionOn(RequestWorkers.ofThisCall())
                .chain(attempt -> Uni.createFrom().completionStage(() -> check(attempt, password, client))
                        .emitOn(backOnRequest) // the request's context, where the identity is set
                        .chain(matches -> attempt.concludesWithoutDatabase(matches) ? Uni.createFrom().item(identity(attempt))
                                : context.runBlocking(() -> conclude(attempt, matches))))
                .onFailure(ProblemException.class).transform(refused -> new AuthenticationFailedException(refused));
    }

    /** What sign-in read of the account: its credential as stored now, or none, and the lockout row it counts in. */
    private record Attempt(String username, Optional<StoredCredential> stored, long subject, String remembered) {
        /** Only the exact username signs in: a variant the collation matches (other case, trailing space) does not. */
        boolean exact() {
            return stored.isPresent() && stored.get().username().equals(username);
        }

        /** Whether this password matched the account's current hash recently, so that no bcrypt is needed. */
        boolean recalled() {
            return exact() && stored.get().password().equals(remembered);
        }

        /** A success with no failures to forget: nothing to write, so no worker thread to wait for. */
        boolean concludesWithoutDatabase(boolean matches) {
            return matches && stored.get().failures() == 0;
        }
    }

    /** The account as stored now, unless no account can have these credentials or its failures block it. */
    private Attempt read(String username, String password, String client) {
        if (username.length() > MAX_USERNAME_LENGTH || !PasswordHasher.fits(password)) {
            // No account can have it: answered at once, without a read, a bcrypt check or a count to keep.
            throw new AuthenticationFailedException("wrong username or password");
        }
        String remembered = verified.recalled(username, password);
        if (remembered == null) {
            hasher.requireRoomToCheck(client); // a flood is refused before it costs a read
        }
        Optional<StoredCredential> stored = load(username);
        long subject = stored.map(StoredCredential::id).orElseGet(() -> SignInLockout.unknownSubject(username));
        requireNotBlocked(stored.isPresent() ? stored.get().blockedUntil() : blockedUntil(subject));
        return new Attempt(username, stored, subject, remembered);
    }

    /**
     * bcrypt, unless this password matched this very hash recently. A username no account has, or a variant of one,
     * costs a check too (against a decoy), so that it cannot be told from a wrong password by time.
     */
    private CompletionStage<Boolean> check(Attempt attempt, String password, String client) {
        if (!attempt.exact()) {
            return hasher.matchesLater(password, null, client);
        }
        if (attempt.recalled()) {
            return CompletableFuture.completedFuture(true);
        }
        StoredCredential stored = attempt.stored().get();
        if (!hasher.isHash(stored.password()) && unreadablePasswords.size() < MAX_REPORTED
                && unreadablePasswords.add(stored.id())) {
            LOG.warnf("Account %d has a stored password that is no bcrypt hash (another program wrote it?): it cannot"
                    + " sign in until its password is set through the API", stored.id());
        }
        return hasher.matchesLater(password, stored.password(), client).thenApply(matches -> {
            if (matches) {
                verified.remember(attempt.username(), password, stored.password());
            }
            return matches;
        });
    }

    /** Counts a failure against the account (or its lockout row), or forgets its failures on success. */
    private SecurityIdentity conclude(Attempt attempt, boolean matches) {
        if (!matches) {
            lockout.failed(attempt.subject());
            throw new AuthenticationFailedException("wrong username or password");
        }
        if (attempt.stored().get().failures() > 0) {
            lockout.succeeded(attempt.subject());
        }
        return identity(attempt);
    }

    private static SecurityIdentity identity(Attempt attempt) {
        StoredCredential stored = attempt.stored().get();
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(attempt.username()))
                .addRole(stored.role())
                .addAttribute(ACCOUNT_ID, stored.id())
                .build();
    }

    private static void requireNotBlocked(long blockedUntil) {
        long retryAfter = SignInLockout.retryAfterSeconds(blockedUntil);
        if (retryAfter > 0) {
            throw new SignInThrottledException(retryAfter);
        }
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
