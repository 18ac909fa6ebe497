package io.github.accounts.security;

import java.util.Optional;
import java.util.OptionalLong;

import io.github.accounts.security.AccountIdentityProvider.PendingSignIn;
import io.github.accounts.security.AccountIdentityProvider.StoredCredential;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling: an admin, a signed-in account, or nobody. Reading it signs the caller in (lazily, once per request).
 * <p>
 * A credential verified recently is taken at its word only as far as "signed in": before any decision (role, account,
 * reach) it is confirmed against the account's current row, either by a read of its own or, cheaper, by the row the
 * call's own statement fetched alongside ({@link #unconfirmedAccountId()}, {@link #confirm(Optional)}). A write
 * confirms before it starts ({@link AccessFilters}), or in the select of the row it changes, before it writes
 * ({@link ConfirmedByItsRead}).
 * <p>
 * Resources mark calls with {@link SignedIn} and {@link AdminOnly} rather than {@code @Authenticated} and
 * {@code @RolesAllowed}: Quarkus REST runs those checks on the I/O thread before it dispatches a blocking method, so a
 * sign-in that reads the database costs a second hand-off to a worker thread and back on every call. The filters
 * behind ours run on the worker thread that then runs the method, and the sign-in runs in place (see the README).
 */
@RequestScoped
class Caller {

    static final String ADMIN = "admin";

    private final SecurityIdentity identity;
    private SecurityIdentity confirmed;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** 401 for an anonymous caller (or a wrong password, 429 while throttled). */
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
        return confirmed().hasRole(ADMIN);
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The caller's own account id; only for a signed-in caller. */
    public long accountId() {
        return confirmed().<Long>getAttribute(AccountIdentityProvider.ACCOUNT_ID);
    }

    /** An admin may reach every account; anyone else only their own. */
    public boolean mayReach(long accountId) {
        return isAdmin() || (!isAnonymous() && accountId() == accountId);
    }

    /** Confirms the sign-in now, with a read of its own if no statement has done it yet. */
    public void confirm() {
        confirmed();
    }

    /**
     * The account whose row a statement may fetch to confirm a recently verified credential: empty once confirmed
     * (or for an anonymous caller). The statement then hands the row to {@link #confirm(Optional)}.
     */
    OptionalLong unconfirmedAccountId() {
        PendingSignIn pending = pending();
        return pending == null ? OptionalLong.empty() : OptionalLong.of(pending.accountId());
    }

    /**
     * Whether the credential, as verified earlier, would reach that account: only to choose what a statement fetches
     * (so it never reads an account the caller may not see), never a permission.
     */
    boolean claimsToReach(long accountId) {
        PendingSignIn pending = pending();
        return pending == null ? mayReach(accountId) : ADMIN.equals(pending.rememberedRole()) || pending.accountId() == accountId;
    }

    /**
     * Whether the caller is an admin, or was one when its credential was verified: only to let a statement confirm the
     * sign-in before it requires the admin ({@link AccountAccess#query}), never a permission.
     */
    boolean claimsAdmin() {
        PendingSignIn pending = pending();
        return pending == null ? isAdmin() : ADMIN.equals(pending.rememberedRole());
    }

    /**
     * The caller's row as a statement must find it to confirm a recently verified credential by matching it, rather
     * than by reading it (then {@link #confirm(Optional)} with it): empty once confirmed, or for an anonymous caller.
     */
    Optional<StoredCredential> rowThatConfirms() {
        PendingSignIn pending = pending();
        return pending == null ? Optional.empty() : Optional.of(pending.rowThatConfirms());
    }

    /** Confirms against the row of {@link #unconfirmedAccountId()} as a statement just read it (empty: no such row). */
    void confirm(Optional<StoredCredential> row) {
        PendingSignIn pending = pending();
        if (pending != null) {
            confirmed = pending.confirm(row);
        }
    }

    private PendingSignIn pending() {
        return confirmed != null || identity.isAnonymous() ? null : identity.getAttribute(AccountIdentityProvider.PENDING);
    }

    private SecurityIdentity confirmed() {
        if (confirmed == null) {
            PendingSignIn pending = pending();
            confirmed = pending == null ? identity : pending.confirm();
        }
        return confirmed;
    }
}
