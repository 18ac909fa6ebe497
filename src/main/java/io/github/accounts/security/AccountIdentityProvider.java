package io.github.accounts.security;

import java.util.Optional;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

import io.github.accounts.account.Account;
import io.github.accounts.account.PasswordHasher;
import io.quarkus.runtime.annotations.RegisterForReflection;
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
 * HTTP Basic sign-in against the {@code accounts} table itself. Every call reads the account's current hash and role,
 * so a change made through any instance counts on the next call; bcrypt runs only for a credential not verified
 * recently. An unknown username costs a bcrypt check too, so it cannot be told from a wrong password by time.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The account id, as a {@link SecurityIdentity} attribute. */
    public static final String ACCOUNT_ID = "accountId";

    private final SessionFactory sessions;
    private final PasswordHasher hasher;
    private final VerifiedCredentials verified;
    private final SignInThrottle throttle;
    private volatile String decoyHash;

    AccountIdentityProvider(SessionFactory sessions, PasswordHasher hasher, VerifiedCredentials verified,
            SignInThrottle throttle) {
        this.sessions = sessions;
        this.hasher = hasher;
        this.verified = verified;
        this.throttle = throttle;
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
        long retryAfter = throttle.retryAfterSeconds(username);
        if (retryAfter > 0) {
            throw new AuthenticationFailedException(new SignInThrottledException(retryAfter));
        }
        Optional<StoredCredential> stored = load(username);
        boolean matches = stored.isPresent()
                ? verified.remembered(username, password, stored.get().password()) || verify(username, password, stored.get().password())
                : decoyCheck(password);
        if (!matches) {
            throw failed(username);
        }
        throttle.succeeded(username);
        StoredCredential account = stored.get();
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRole(account.role())
                .addAttribute(ACCOUNT_ID, account.id())
                .build();
    }

    private boolean verify(String username, String password, String hash) {
        if (!hasher.matches(password, hash)) {
            return false;
        }
        verified.remember(username, password, hash);
        return true;
    }

    /** Spends what a real check would, against a hash no password matches, and fails. */
    private boolean decoyCheck(String password) {
        if (decoyHash == null) {
            decoyHash = hasher.hash(java.util.UUID.randomUUID().toString());
        }
        hasher.matches(password, decoyHash);
        return false;
    }

    private AuthenticationFailedException failed(String username) {
        throttle.failed(username);
        return new AuthenticationFailedException("wrong username or password");
    }

    /** The account's current hash and role: one indexed read through a stateless session. */
    private Optional<StoredCredential> load(String username) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            return session.createNamedSelectionQuery(Account.CREDENTIALS, StoredCredential.class)
                    .setParameter("username", username)
                    .uniqueResultOptional();
        }
    }

    /** What sign-in needs of an account; never leaves this class. Hibernate builds it reflectively, in native too. */
    @RegisterForReflection
    public record StoredCredential(Long id, String password, String role) {
        @Override
        public String toString() {
            return "StoredCredential[id=" + id + ", role=" + role + "]";
        }
    }
}
