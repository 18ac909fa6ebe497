package io.github.accounts.account;

import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import jakarta.ws.rs.core.Response.Status;

public class AccountNotFoundException extends ProblemException {
    public AccountNotFoundException(long id) {
        super(Status.NOT_FOUND, ProblemTypes.NOT_FOUND, "no account with id " + id);
    }
}
