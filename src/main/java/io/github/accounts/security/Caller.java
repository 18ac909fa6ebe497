package io.github.accounts.security;

import java.util.List;

import io.github.accounts.problem.Problem;
import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response.Status;

/**
 * Who is calling, and the rules of who may do what: an admin reaches every account and sets every field; anyone else
 * reaches only its own account and sets neither tokens, verified nor role. Asking signs the caller in (once per request,
 * see {@link AccountIdentityProvider}), so every answer comes from the account's row as it is now.
 * <p>
 * Resources mark calls with {@link SignedIn} and {@link AdminOnly} rather than {@code @Authenticated} and
 * {@code @RolesAllowed}: Quarkus REST runs those checks on the I/O thread before it dispatches a blocking method, so a
 * sign-in that reads the database would cost a second hand-off to a worker thread and back on every call.
 */
@RequestScoped
public class Caller {

    /** The role of an admin, as the {@code role} column holds it. */
    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** 401 for an anonymous caller (or a wrong password; 429 while the username is throttled). */
    public void requireSignedIn() {
        if (identity.isAnonymous()) {
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

    /** 403 naming the fields, when someone but an admin sets any of these admin-only fields. */
    public void requireAdminFor(List<String> fields) {
        if (!fields.isEmpty() && !isAdmin()) {
            List<String> named = fields.stream().distinct().sorted().toList();
            throw new ProblemException(Status.FORBIDDEN, ProblemTypes.FORBIDDEN, "only an admin may set " + String.join(", ", named),
                    named.stream().map(f -> new Problem.FieldError(f, "only an admin may set it")).toList());
        }
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    /** The caller's own account id; 401 for an anonymous caller. */
    public long accountId() {
        requireSignedIn();
        return identity.<Long>getAttribute(AccountIdentityProvider.ACCOUNT_ID);
    }

    /** Whether the caller may act for that account, or see what concerns it: an admin every one, anyone else its own. */
    public boolean mayReach(long accountId) {
        return isAdmin() || (!identity.isAnonymous() && accountId() == accountId);
    }
}
