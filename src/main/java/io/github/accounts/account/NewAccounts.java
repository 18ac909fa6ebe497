package io.github.accounts.account;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /accounts}: one account object, or an array of them to add all or nothing, as
 * {@link NewAccountsReader} read it. The components are the body's two shapes, not fields a client sends: their
 * names start with {@code $}, which a field path of a problem leaves out ({@code [2].username}, not
 * {@code $many[2].username}).
 */
@JsonDeserialize(using = NewAccountsReader.class)
@RegisterForReflection
public record NewAccounts(
        @Valid NewAccount $one,
        @Size(min = 1, max = AccountRules.MAX_BATCH, message = "must hold from 1 to " + AccountRules.MAX_BATCH + " accounts")
        List<@NotNull(message = "must be an account object") @Valid NewAccount> $many) {

    static NewAccounts one(NewAccount account) {
        return new NewAccounts(account, null);
    }

    static NewAccounts many(List<NewAccount> accounts) {
        return new NewAccounts(null, accounts);
    }

    /** Whether the body was an array (and is answered with one). */
    boolean isArray() {
        return $many != null;
    }

    List<NewAccount> all() {
        return isArray() ? $many : List.of($one);
    }

    /** The admin-only fields any of the accounts sets. */
    List<String> adminOnlyFields() {
        return all().stream().flatMap(account -> account == null ? Stream.empty() : account.adminOnlyFields().stream()).toList();
    }
}
