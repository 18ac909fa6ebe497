package io.github.accounts.security;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

/** The filters behind {@link SignedIn} and {@link AdminOnly}; for a blocking method they run on its worker thread. */
class AccessFilters {

    private final Caller caller;

    AccessFilters(Caller caller) {
        this.caller = caller;
    }

    /**
     * A read, or a write {@link ConfirmedByItsRead}, may confirm the sign-in with its own statement; anything else
     * confirms it before it starts.
     */
    @SignedIn
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    void signedIn(ContainerRequestContext request, ResourceInfo resource) {
        caller.requireSignedIn();
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())
                && !resource.getResourceMethod().isAnnotationPresent(ConfirmedByItsRead.class)) {
            caller.confirm();
        }
    }

    /** An admin-only read {@link ConfirmedByItsRead} confirms an admin's sign-in, and then requires the admin, itself. */
    @AdminOnly
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    void adminOnly(ResourceInfo resource) {
        if (!(resource.getResourceMethod().isAnnotationPresent(ConfirmedByItsRead.class) && caller.claimsAdmin())) {
            caller.requireAdmin();
        }
    }
}
