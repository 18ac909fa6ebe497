package io.github.accounts.account;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A JSON merge patch (RFC 7396) of an account: an absent field is left alone. In a merge patch {@code null} means
 * "remove", and no field of an account can be removed, so the resource refuses an explicit {@code null}.
 */
@RegisterForReflection // Jackson reads or writes it reflectively, also in the native executable
public record AccountPatch(
        @Size(min = 3, max = 64) @Pattern(regexp = AccountRules.USERNAME, message = AccountRules.USERNAME_MESSAGE) String username,
        @Size(min = 8, max = 64) @FitsBcrypt String password,
        @Min(0) Integer tokens,
        Boolean verified,
        @Pattern(regexp = AccountRules.ROLE, message = AccountRules.ROLE_MESSAGE) String role) {

    /** The fields only an admin may change; an account may change its own username and password. */
    List<String> adminOnlyFields() {
        return AccountRules.present("tokens", tokens, "verified", verified, "role", role);
    }

    @Override
    public String toString() {
        return "AccountPatch[username=" + username + ", tokens=" + tokens + ", verified=" + verified + ", role=" + role + "]";
    }
}
