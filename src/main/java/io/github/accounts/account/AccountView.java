package io.github.accounts.account;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An account as the API shows it. It has no password field at all, so a password cannot leak through it. */
@RegisterForReflection // Jackson reads or writes it reflectively, also in the native executable
public record AccountView(Long id, String username, int tokens, boolean verified, String role, Instant dateCreated,
        Instant lastUpdated) {

    static AccountView of(Account account) {
        return new AccountView(account.id, account.username, account.tokens, account.verified, account.role,
                account.dateCreated, account.lastUpdated);
    }
}
