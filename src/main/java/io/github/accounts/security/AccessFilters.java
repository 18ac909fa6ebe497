package io.github.accounts.security;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.Priorities;

/** The filters behind {@link SignedIn} and {@link AdminOnly}; for a blocking method they run on its worker thread. */
class AccessFilters {

    private final Caller caller;

    AccessFilters(Caller caller) {
        this.caller = caller;
    }

    @SignedIn
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    void signedIn() {
        caller.requireSignedIn();
    }

    @AdminOnly
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    void adminOnly() {
        caller.requireAdmin();
    }
}
