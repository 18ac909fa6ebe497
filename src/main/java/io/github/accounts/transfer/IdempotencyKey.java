package io.github.accounts.transfer;

import java.util.Optional;
import java.util.regex.Pattern;

import io.github.accounts.problem.ProblemException;

/** The {@code Idempotency-Key} header: any printable ASCII text of 1 to 128 characters, one caller's name for one transfer. */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{1," + Transfer.KEY_LENGTH + "}");

    private IdempotencyKey() {
    }

    /** The key a request sent, if any; 400 when it is not one. */
    static Optional<String> of(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!PRINTABLE.matcher(header).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + Transfer.KEY_LENGTH + " printable ASCII characters");
        }
        return Optional.of(header);
    }
}
