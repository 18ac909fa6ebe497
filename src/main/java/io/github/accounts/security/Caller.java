package io.github.accounts.security;

import java.util.List;

import io.github.accounts.problem.Problem;
import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response.Status;

/**
 * Who is calling, and the rules of who may do what that depend on the account a call is about: an admin reaches every
 * account and sets every field; anyone else reaches only its own account and sets neither tokens, verified nor role.
 * Resources say who may call at all with {@code @Authenticated} and {@code @RolesAllowed(Caller.ADMIN)}. The identity
 * is the account's row as sign-in read it for this request ({@link AccountIdentityProvider}).
 */
@RequestScoped
public class Caller {

    /** The role of an admin, as the {@code role} column holds it. */
    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    Caller(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.request = request;
    }

    /**
     * Whose share of bcrypt's budget this call's hashing counts against: the address it came from (the client's own
     * when Quarkus is told to trust a proxy's {@code Forwarded} headers, {@code quarkus.http.proxy.*}, else the
     * connection's peer), or nobody's for an admin, whose work is bounded by the pool alone.
     */
    public String bcryptShare() {
        return isAdmin() ? null : addressOf(request);
    }

    static String addressOf(HttpServerRequest request) {
        SocketAddress peer = request == null ? null : request.remoteAddress();
        return peer == null || peer.hostAddress() == null ? "" : peer.hostAddress();
    }

    /** 403 naming the fields, when someone but an admin sets any of these admin-only fields. */
    public void requireAdminFor(List<String> fields) {
        if (!fields.isEmpty() && !isAdmin()) {
            List<String> named = fields.stream().distinct().sorted().toList();
            throw new ProblemException(Status.FORBIDDEN, ProblemTypes.FORBIDDEN, "only an admin may set " + String.join(", ", named),
                    named.stream().map(f -> new Problem.FieldError(f, "only an admin may set it")).toList());
        }
    }

    /** 403 saying what only an admin may do, when someone else tries it. */
    public void requireAdminTo(String action) {
        if (!isAdmin()) {
            throw new ProblemException(Status.FORBIDDEN, ProblemTypes.FORBIDDEN, "only an admin may " + action);
        }
    }

    private boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    /** The caller's own account id; 401 for an anonymous caller. */
    public long accountId() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return identity.<Long>getAttribute(AccountIdentityProvider.ACCOUNT_ID);
    }

    /** Whether the caller may act for that account, or see what concerns it: an admin every one, anyone else its own. */
    public boolean mayReach(long accountId) {
        return isAdmin() || (!identity.isAnonymous() && accountId() == accountId);
    }
}
