package io.github.accounts.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem: what every error response carries, as {@code application/problem+json}. It never holds a
 * stack trace, SQL text, class name or password.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection // Jackson reads or writes it reflectively, also in the native executable
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One broken rule of a request: the field (JSON path, query parameter or header) and what is wrong with it. */
    @RegisterForReflection
    public record FieldError(String field, String message) {
    }
}
