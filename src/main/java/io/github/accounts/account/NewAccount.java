package io.github.accounts.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /accounts}: one account to add. {@code id} and the timestamps are the service's to set. */
public record NewAccount(
        @NotNull @Size(min = 3, max = 64) @Pattern(regexp = AccountRules.USERNAME, message = AccountRules.USERNAME_MESSAGE) String username,
        @NotNull @Size(min = 8, max = 64) @FitsBcrypt String password,
        @Min(0) Integer tokens,
        Boolean verified) {

    @Override
    public String toString() {
        return "NewAccount[username=" + username + "]"; // never the password
    }
}
