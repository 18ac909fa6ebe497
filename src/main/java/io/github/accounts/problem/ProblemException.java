package io.github.accounts.problem;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpResponseStatus;
import jakarta.ws.rs.core.Response.Status;

/**
 * A problem answer to give: its status, type, detail, field errors and any headers it needs (Retry-After,
 * WWW-Authenticate). The service throws it for every client error it detects; {@link ProblemResponses} answers it, and
 * {@link ProblemMappers} turns every other error into one. Subclasses name the domain cases (no such account, stale version, ...).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(Status status, String type, String detail, List<Problem.FieldError> errors) {
        this(status.getStatusCode(), type, detail, errors);
    }

    public ProblemException(Status status, String type, String detail) {
        this(status, type, detail, List.of());
    }

    /** A 400 for one broken rule of a field, query parameter or header. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Status.BAD_REQUEST, ProblemTypes.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A 400 for several broken rules at once. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        List<Problem.FieldError> sorted = errors.stream().sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return new ProblemException(Status.BAD_REQUEST, ProblemTypes.VALIDATION,
                String.join("; ", sorted.stream().map(e -> e.field() + ": " + e.message()).toList()), sorted);
    }

    /** Sends this header with the answer. */
    /** Whether this is a problem of that {@code type} ({@link ProblemTypes}). */
    public boolean is(String type) {
        return this.type.equals(type);
    }

    public ProblemException withHeader(String name, Object value) {
        headers.put(name, String.valueOf(value));
        return this;
    }

    Map<String, String> headers() {
        return headers;
    }

    Problem toProblem() {
        return new Problem(type, HttpResponseStatus.valueOf(status).reasonPhrase(), status, getMessage(), errors);
    }
}
