package io.github.accounts.problem;

import java.util.List;
import java.util.Map;

import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.github.accounts.persistence.Contention;
import io.github.accounts.persistence.ReadOnlyServer;
import io.netty.handler.codec.http.HttpResponseStatus;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * The one place where exceptions are classified as problems ({@link ProblemResponses} renders them): a request Quarkus
 * or Jackson could not read, a broken field rule, a database that cannot be reached or is busy; anything unexpected is
 * a 500 with a fixed detail, logged at ERROR in full. No response carries an exception's own message unless this class
 * wrote it, so no class name, SQL text or value leaks out. Domain code names its own cases as {@link ProblemException}s.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** The pool opens a new connection on the next call, so a retry a second later has every chance. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final ReadOnlyServer readOnlyServer;

    ProblemMappers(ReadOnlyServer readOnlyServer) {
        this.readOnlyServer = readOnlyServer;
    }

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        return ProblemResponses.answer(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return domain(ProblemException.invalid(e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath()), v.getMessage())).toList()));
    }

    /** Quarkus maps this one itself (to a bare 400) unless a mapper names it exactly. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && e.getCause() instanceof InputCoercionException) {
            return domain(ProblemException.invalid(path(mapping), "is out of range"));
        }
        if (e instanceof JsonMappingException mapping && !(e.getCause() instanceof JsonProcessingException)) {
            String message = e instanceof UnrecognizedPropertyException ? "unknown field" : message(mapping);
            return domain(ProblemException.invalid(path(mapping), message));
        }
        JsonProcessingException root = e.getCause() instanceof JsonProcessingException cause ? cause : e;
        String detail = root instanceof StreamConstraintsException ? "the JSON document is too deeply nested or too large"
                : root instanceof InputCoercionException ? "a number is out of range"
                        : "the body is not well-formed JSON";
        return domain(new ProblemException(Status.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, detail));
    }

    /**
     * SQLAlchemy's {@code IntegrityError} that the code which made the change did not name itself (the account and
     * transfer code name theirs): the change conflicts with rows stored meanwhile.
     */
    @ServerExceptionMapper
    public Response integrity(org.hibernate.exception.ConstraintViolationException e) {
        return ProblemResponses.answer(new ProblemException(Status.CONFLICT, ProblemTypes.CONFLICT,
                "the change conflicts with data stored meanwhile; nothing was changed"), "constraint " + e.getKind());
    }

    /** A value the database refuses (SQLState class 22): a client's input that got past validation. */
    @ServerExceptionMapper
    public Response dataRefused(DataException e) {
        return ProblemResponses.answer(new ProblemException(Status.BAD_REQUEST, ProblemTypes.VALIDATION,
                "a value in the request is not valid for the database"), "SQLState " + e.getSQLState());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json); // a body Quarkus could not read
        }
        Response response = e.getResponse();
        if (response.getStatus() >= 500) {
            return unexpected(e);
        }
        String title = HttpResponseStatus.valueOf(response.getStatus()).reasonPhrase();
        ProblemException problem = new ProblemException(response.getStatus(), ProblemTypes.BLANK, title, List.of());
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                    && !values.isEmpty()) {
                problem.withHeader(name, values.get(0));
            }
        });
        return ProblemResponses.answer(problem);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (Contention.waitedTooLong(e)) {
            return ProblemResponses.answer(unavailable("the database did not answer within the wait limit; nothing was"
                    + " changed, retry shortly"), "wait limit");
        }
        if (readOnlyServer.met(e)) {
            return ProblemResponses.answer(unavailable("the database takes no writes now (a failover?); nothing was"
                    + " changed, retry shortly"), "read-only server");
        }
        if (Failures.databaseUnreachable(e)) {
            return ProblemResponses.answer(unavailable("the database cannot be reached; retry later"), e.getClass().getSimpleName());
        }
        if (Contention.isRetryable(e)) {
            return ProblemResponses.answer(unavailable("the database is busy; nothing was changed, retry shortly"),
                    "locked by another writer");
        }
        if (Failures.clientHungUp(e)) {
            // The body never arrived in full and nobody is left to answer: the client's doing, not the service's.
            return domain(new ProblemException(Status.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "the request body was cut short"));
        }
        LOG.error("Unexpected failure", e);
        return domain(new ProblemException(Status.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
                "an unexpected error occurred; it has been logged"));
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(Status.SERVICE_UNAVAILABLE, ProblemTypes.DATABASE_UNAVAILABLE, detail)
                .withHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    /**
     * {@code create.body.$many[2].username} becomes {@code [2].username}: the path inside the request, not the method,
     * nor a body record's {@code $} components, which stand for the body's shape rather than a field of it.
     */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT && !node.getName().startsWith("$")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static final Map<Class<?>, String> EXPECTED = Map.of(
            int.class, "must be an integer", Integer.class, "must be an integer",
            long.class, "must be an integer", Long.class, "must be an integer",
            boolean.class, "must be true or false", Boolean.class, "must be true or false",
            String.class, "must be a string", List.class, "must be an array");

    private static String message(JsonMappingException e) {
        if (e instanceof InvalidNullException) {
            return "cannot be null; leave it out to keep it as it is";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            return cause.getMessage(); // our own validating creators (e.g. echo) explain the allowed values
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            boolean body = target.isRecord() || target.getPackageName().startsWith("io.github.accounts");
            return EXPECTED.getOrDefault(target, body ? "must be an object" : "has the wrong type");
        }
        return "has the wrong type";
    }
}
