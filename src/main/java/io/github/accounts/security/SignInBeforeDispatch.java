package io.github.accounts.security;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Signs a call in before it is handed to a worker thread. Sign-in is lazy ({@code quarkus.http.auth.proactive=false}),
 * and Quarkus resolves it early only for methods that declare who may call; a call anyone may make that still asks who
 * is calling ({@code POST /accounts}: an admin may set more) would otherwise sign in from inside its worker, blocking it
 * while sign-in waits for a worker of its own: with every worker doing that, no sign-in could finish. Here sign-in
 * runs without holding one.
 */
public class SignInBeforeDispatch {

    private final CurrentIdentityAssociation identities;

    SignInBeforeDispatch(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(nonBlocking = true)
    public Uni<Void> signIn() {
        return identities.getDeferredIdentity().replaceWithVoid();
    }
}
