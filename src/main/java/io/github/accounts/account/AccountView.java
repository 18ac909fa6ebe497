package io.github.accounts.account;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An account as the API shows it. It has no password field at all, so a password cannot leak through it. */
@RegisterForReflection // Jackson reads or writes it reflectively, also in the native executable
public record AccountView(Long id, String username, int tokens, boolean verified, String role, Instant dateCreated,
        Instant lastUpdated) {

    /** The columns of the account called {@code a} that a view shows, its id first, as {@link #of(Object[])} reads them. */
    static final String COLUMNS = "a.id, a.username, a.tokens, a.verified, a.role, a.dateCreated, a.lastUpdated";

    static AccountView of(Object[] row) {
        return new AccountView((Long) row[0], (String) row[1], (Integer) row[2], (Boolean) row[3], (String) row[4],
                (Instant) row[5], (Instant) row[6]);
    }

    static AccountView of(Account account) {
        return new AccountView(account.id, account.username, account.tokens, account.verified, account.role,
                account.dateCreated, account.lastUpdated);
    }
}
