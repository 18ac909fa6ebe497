package io.github.accounts.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** The whole contract of a problem response, asserted in one place. */
public final class Problems {

    private Problems() {
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body("type", not(equalTo(null)))
                .body("detail", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")))
                .body(not(containsString("io.github")))
                .body(not(containsString("select ")))
                .body(not(containsString("insert ")))
                .body(not(containsString("$2a$")));
    }

    /** A 400 whose first error names the field. */
    public static ValidatableResponse assertInvalid(ValidatableResponse response, String field) {
        return assertProblem(response, 400).body("errors[0].field", equalTo(field));
    }
}
