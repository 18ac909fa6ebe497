package io.github.accounts.account;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /accounts}: one account to add. {@code id} and the timestamps are the service's to set;
 * {@code tokens}, {@code verified} and {@code role} are an admin's.
 */
@RegisterForReflection // Jackson reads or writes it reflectively, also in the native executable
public record NewAccount(
        @NotNull @Size(min = 3, max = 64) @Pattern(regexp = AccountRules.USERNAME, message = AccountRules.USERNAME_MESSAGE) String username,
        @NotNull @Size(min = 8, max = 64) @FitsBcrypt String password,
        @Min(0) Integer tokens,
        Boolean verified,
        @Pattern(regexp = AccountRules.ROLE, message = AccountRules.ROLE_MESSAGE) String role) {

    /** The fields only an admin may set on sign-up. */
    List<String> adminOnlyFields() {
        return AccountRules.present("tokens", tokens, "verified", verified, "role", role);
    }

    @Override
    public String toString() {
        return "NewAccount[username=" + username + "]"; // never the password
    }
}
