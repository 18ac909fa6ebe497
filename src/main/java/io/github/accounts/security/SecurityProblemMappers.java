package io.github.accounts.security;

import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.github.accounts.problem.Problem;
import io.github.accounts.problem.ProblemTypes;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * Sign-in failures as problems: 401 with the Basic challenge (the same answer for an unknown username and a wrong
 * password), 403 for a call the caller's role does not allow, 429 with Retry-After while a username is throttled.
 */
public class SecurityProblemMappers {

    private static final Logger LOG = Logger.getLogger(SecurityProblemMappers.class);
    static final String CHALLENGE = "Basic realm=\"accounts\"";

    @ServerExceptionMapper
    public Response signInFailed(AuthenticationFailedException e) {
        if (e.getCause() instanceof SignInThrottledException throttled) {
            LOG.info("429 Too Many Requests: sign-in throttled");
            return Response.status(Status.TOO_MANY_REQUESTS).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds())
                    .entity(new Problem(ProblemTypes.TOO_MANY_SIGN_INS, Status.TOO_MANY_REQUESTS.getReasonPhrase(), 429,
                            "too many failed sign-ins for this username; retry later", List.of()))
                    .build();
        }
        return unauthorized("wrong username or password");
    }

    @ServerExceptionMapper
    public Response notSignedIn(UnauthorizedException e) {
        return unauthorized("sign in with HTTP Basic: your username and password");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        LOG.info("403 Forbidden");
        return Response.status(Status.FORBIDDEN).type(Problem.MEDIA_TYPE)
                .entity(new Problem(ProblemTypes.FORBIDDEN, Status.FORBIDDEN.getReasonPhrase(), 403,
                        "only an admin may do this", List.of()))
                .build();
    }

    private static Response unauthorized(String detail) {
        LOG.info("401 Unauthorized");
        return Response.status(Status.UNAUTHORIZED).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .entity(new Problem(ProblemTypes.UNAUTHORIZED, Status.UNAUTHORIZED.getReasonPhrase(), 401, detail, List.of()))
                .build();
    }
}
