package io.github.accounts.account;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A JSON merge patch (RFC 7396) of an account: an absent field is left alone. In a merge patch {@code null} means
 * "remove", and no field of an account can be removed, so an explicit {@code null} is refused as it is read. A class
 * rather than a record on purpose: Jackson sets only the fields the document holds, so "absent" and "null" differ.
 */
@RegisterForReflection // Jackson reads it reflectively, also in the native executable
public final class AccountPatch {

    @JsonSetter(nulls = Nulls.FAIL)
    @Size(min = 3, max = 64)
    @Pattern(regexp = AccountRules.USERNAME, message = AccountRules.USERNAME_MESSAGE)
    private String username;

    @JsonSetter(nulls = Nulls.FAIL)
    @Size(min = 8, max = 64)
    @FitsBcrypt
    private String password;

    @JsonSetter(nulls = Nulls.FAIL)
    @Min(0)
    private Integer tokens;

    @JsonSetter(nulls = Nulls.FAIL)
    private Boolean verified;

    @JsonSetter(nulls = Nulls.FAIL)
    @Pattern(regexp = AccountRules.ROLE, message = AccountRules.ROLE_MESSAGE)
    private String role;

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Integer tokens() {
        return tokens;
    }

    public Boolean verified() {
        return verified;
    }

    public String role() {
        return role;
    }

    /** Applies the fields present to the account; the password as its new hash. */
    void applyTo(Account account, String passwordHash) {
        if (username != null) {
            account.username = username;
        }
        if (passwordHash != null) {
            account.password = passwordHash;
        }
        if (tokens != null) {
            account.tokens = tokens;
        }
        if (verified != null) {
            account.verified = verified;
        }
        if (role != null) {
            account.role = role;
        }
    }

    /** The fields only an admin may change; an account may change its own username and password. */
    List<String> adminOnlyFields() {
        return AccountRules.present("tokens", tokens, "verified", verified, "role", role);
    }

    @Override
    public String toString() {
        return "AccountPatch[username=" + username + ", tokens=" + tokens + ", verified=" + verified + ", role=" + role + "]";
    }
}
