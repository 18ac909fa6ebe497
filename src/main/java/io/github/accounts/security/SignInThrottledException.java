package io.github.accounts.security;

import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;

/**
 * Why a sign-in was refused without checking the password: too many recent failures for the account. It travels as
 * the cause of the {@code AuthenticationFailedException} (which is final) and is answered 429 with Retry-After.
 */
class SignInThrottledException extends ProblemException {

    SignInThrottledException(long retryAfterSeconds) {
        super(Status.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_SIGN_INS, "too many failed sign-ins for this username; retry later");
        withHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
    }
}
