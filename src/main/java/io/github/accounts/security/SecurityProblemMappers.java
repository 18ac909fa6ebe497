package io.github.accounts.security;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemResponses;
import io.github.accounts.problem.ProblemTypes;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * Quarkus Security's exceptions as the problems they stand for, answered through {@link ProblemResponses#answer}: 401
 * with the Basic challenge (the same answer for an unknown username and a wrong password), 403 for a call the
 * caller's role does not allow, and the problem a sign-in refused before its check carries as its cause (429 for a
 * throttled username, 503 when bcrypt's pool is full).
 */
public class SecurityProblemMappers {

    static final String CHALLENGE = "Basic realm=\"accounts\"";

    @ServerExceptionMapper
    public Response signInFailed(AuthenticationFailedException e) {
        return ProblemResponses.answer(e.getCause() instanceof ProblemException refused ? refused
                : unauthorized("wrong username or password"));
    }

    @ServerExceptionMapper
    public Response notSignedIn(UnauthorizedException e) {
        return ProblemResponses.answer(unauthorized("sign in with HTTP Basic: your username and password"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.answer(new ProblemException(Status.FORBIDDEN, ProblemTypes.FORBIDDEN, "only an admin may do this"));
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Status.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
}
