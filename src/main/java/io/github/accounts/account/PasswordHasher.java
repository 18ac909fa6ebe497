package io.github.accounts.account;

import java.util.List;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns passwords into salted bcrypt hashes at the configured cost; the only place a plain password is handled. */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;

    PasswordHasher(AccountsConfig config) {
        this.cost = config.password().bcryptCost();
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Hashes on all cores: bcrypt is deliberately slow, and a batch should cost its length divided by the cores. */
    public List<String> hashAll(List<String> passwords) {
        return passwords.parallelStream().map(this::hash).toList();
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }
}
