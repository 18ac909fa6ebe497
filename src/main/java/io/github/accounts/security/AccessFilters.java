package io.github.accounts.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** The filters behind {@link SignedIn} and {@link AdminOnly}; for a blocking method they run on its worker thread. */
final class AccessFilters {

    private AccessFilters() {
    }

    @Provider
    @SignedIn
    @Priority(Priorities.AUTHENTICATION)
    static class SignedInFilter implements ContainerRequestFilter {
        private final Caller caller;

        SignedInFilter(Caller caller) {
            this.caller = caller;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            caller.requireSignedIn();
        }
    }

    @Provider
    @AdminOnly
    @Priority(Priorities.AUTHORIZATION)
    static class AdminOnlyFilter implements ContainerRequestFilter {
        private final Caller caller;

        AdminOnlyFilter(Caller caller) {
            this.caller = caller;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            caller.requireAdmin();
        }
    }
}
