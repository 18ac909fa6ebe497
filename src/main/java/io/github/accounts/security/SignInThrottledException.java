package io.github.accounts.security;

/**
 * Why a sign-in was refused without checking the password: too many recent failures for the username. It travels as
 * the cause of the {@code AuthenticationFailedException} (which is final) and becomes a 429 with Retry-After.
 */
public class SignInThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    public SignInThrottledException(long retryAfterSeconds) {
        super("too many failed sign-ins", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
