package io.github.accounts.problem;

import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Renders a {@link ProblemException} as {@code application/problem+json}, with its headers and one log line. */
public final class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);
    /** Load shed on purpose: no failure, and a flood of it must not become a flood of log lines. */
    private static final Set<String> LOAD_SHED = Set.of(ProblemTypes.BUSY, ProblemTypes.TOO_MANY_PASSWORD_CHECKS);

    private ProblemResponses() {
    }

    /**
     * The one door of every problem answer a resource's call ends in: status, headers, body and one log line (INFO
     * for a client's error, WARN for the service's; values in it are escaped by the log filter).
     */
    public static Response answer(ProblemException e) {
        return answer(e, null);
    }

    /** The same, with a note for the log only. */
    public static Response answer(ProblemException e, String note) {
        Problem problem = log(e, note);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        e.headers().forEach(response::header);
        return response.build();
    }

    /**
     * The same for a client error found by the HTTP layer, before any resource runs; the connection is closed after
     * it. A client that has gone gets no answer, and is no error of the service's.
     */
    public static void answer(RoutingContext context, int status, String detail) {
        if (Failures.clientHungUp(context.failure()) || context.response().closed()) {
            LOG.info("400 Bad Request: the request body was cut short");
            return;
        }
        Problem problem = log(new ProblemException(status, ProblemTypes.BLANK, detail, List.of()), null);
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(Json.encode(problem));
    }

    private static Problem log(ProblemException e, String note) {
        Problem problem = e.toProblem();
        Logger.Level level = LOAD_SHED.contains(problem.type()) ? Logger.Level.DEBUG
                : problem.status() >= 500 ? Logger.Level.WARN : Logger.Level.INFO;
        if (note == null) {
            LOG.logf(level, "%d %s: %s", problem.status(), problem.title(), problem.detail());
        } else {
            LOG.logf(level, "%d %s: %s (%s)", problem.status(), problem.title(), problem.detail(), note);
        }
        return problem;
    }
}
