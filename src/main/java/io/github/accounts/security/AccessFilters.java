package io.github.accounts.security;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.Priorities;

/**
 * The filters behind {@link SignedIn} and {@link AdminOnly}, each complete by itself. For a blocking method they run on
 * the worker thread that then runs it, so the sign-in's database read costs no extra hand-off between threads.
 */
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
