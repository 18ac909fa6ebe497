package io.github.accounts.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The {@code accounts.*} settings. */
@ConfigMapping(prefix = "accounts")
public interface AccountsConfig {

    Password password();

    interface Password {
        /** The bcrypt cost (log2 of its rounds) for new password hashes; each step doubles the work. */
        @WithDefault("10")
        @Min(4)
        @Max(31)
        int bcryptCost();
    }
}
