package io.github.accounts.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling: an admin, a signed-in account, or nobody. Reading it signs the caller in (lazily, once per request).
 * <p>
 * Resources mark calls with {@link SignedIn} and {@link AdminOnly} rather than {@code @Authenticated} and
 * {@code @RolesAllowed}: Quarkus REST runs those checks on the I/O thread before it dispatches a blocking method, so a
 * sign-in that reads the database costs a second hand-off to a worker thread and back on every call. The filters
 * behind ours run on the worker thread that then runs the method, and the sign-in runs in place (see the README).
 */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** 401 for an anonymous caller. */
    public void requireSignedIn() {
        if (isAnonymous()) {
            throw new UnauthorizedException();
        }
    }

    /** 401 for an anonymous caller, 403 for anyone but an admin. */
    public void requireAdmin() {
        requireSignedIn();
        if (!isAdmin()) {
            throw new ForbiddenException();
        }
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The caller's own account id; only for a signed-in caller. */
    public long accountId() {
        return identity.<Long>getAttribute(AccountIdentityProvider.ACCOUNT_ID);
    }

    /** An admin may reach every account; anyone else only their own. */
    public boolean mayReach(long accountId) {
        return isAdmin() || (!isAnonymous() && accountId() == accountId);
    }
}
