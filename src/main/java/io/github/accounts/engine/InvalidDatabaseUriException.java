package io.github.accounts.engine;

/** A {@code database.uri} that cannot be used; the message is one line and never shows the password. */
public class InvalidDatabaseUriException extends IllegalArgumentException {

    public InvalidDatabaseUriException(String message) {
        super(message);
    }
}
