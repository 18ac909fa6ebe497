package io.github.accounts.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling: an admin, a signed-in account, or nobody. Reading it signs the caller in (lazily, once per request). */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
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
