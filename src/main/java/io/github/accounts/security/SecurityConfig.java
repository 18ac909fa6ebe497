package io.github.accounts.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code accounts.*} settings of sign-in. */
@ConfigMapping(prefix = "accounts")
public interface SecurityConfig {

    Admin admin();

    SignIn signIn();

    interface Admin {
        /**
         * When set and no admin exists, start-up creates the account {@code admin} with this password, role admin and
         * 20 tokens (env {@code ACCOUNTS_ADMIN_PASSWORD}). Dev mode sets {@code admin_password}; production has no default.
         */
        Optional<String> password();
    }

    interface SignIn {
        /** How long a verified credential is remembered (as a keyed digest), so that bcrypt is paid once, not per call. */
        @WithDefault("5M")
        Duration rememberFor();

        /** Failed sign-ins for one account (all instances together) within {@link #window()} after which it is refused with 429. */
        @WithDefault("10")
        int maxFailures();

        /** The window that failures are counted in, and how long a throttled username is refused. */
        @WithDefault("1M")
        Duration window();
    }
}
