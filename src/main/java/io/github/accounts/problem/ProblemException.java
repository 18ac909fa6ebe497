package io.github.accounts.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.core.Response.Status;

/**
 * A client error the service detected itself: it becomes a problem response with this status, type and detail.
 * Subclasses name the domain cases (no such account, stale version, ...).
 */
public class ProblemException extends RuntimeException {

    private final Status status;
    private final String type;
    private final List<Problem.FieldError> errors;

    public ProblemException(Status status, String type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
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

    public Problem toProblem() {
        return new Problem(type, status.getReasonPhrase(), status.getStatusCode(), getMessage(), errors);
    }
}
