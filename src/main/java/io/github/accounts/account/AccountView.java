package io.github.accounts.account;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An account as the API shows it. It has no password field at all, so a password cannot leak through it. */
@RegisterForReflection // Jackson reads or writes it reflectively, also in the native executable
public record AccountView(Long id, String username, int tokens, boolean verified, String role, Instant dateCreated,
        Instant lastUpdated) {

    /** A query's selection of the account called {@code a} as a view: the list reads only what it shows. */
    static final String SELECTION = "new " + AccountView.class.getName()
            + "(a.id, a.username, a.tokens, a.verified, a.role, a.dateCreated, a.lastUpdated)";

    static AccountView of(Account account) {
        return new AccountView(account.id, account.username, account.tokens, account.verified, account.role,
                account.dateCreated, account.lastUpdated);
    }
}
