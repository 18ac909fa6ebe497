package io.github.accounts.security;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.Converter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** The {@code accounts.*} settings of sign-in and passwords. */
@ConfigMapping(prefix = "accounts")
public interface SecurityConfig {

    Admin admin();

    SignIn signIn();

    Password password();

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

    interface Password {
        /** The bcrypt cost (log2 of its rounds) for new password hashes; each step doubles the work. */
        @WithDefault("10")
        @WithConverter(BcryptCostConverter.class)
        int bcryptCost();

        /** How many bcrypt checks and hashes run at once, on threads of their own; default: one per core. */
        Optional<@WithConverter(AtLeastOne.class) Integer> threads();

        /** How many more may wait for one of those threads; beyond that a call that needs bcrypt is answered 503 at once. */
        @WithDefault("16")
        @WithConverter(AtLeastZero.class)
        int queue();
    }

    /**
     * Reads {@code accounts.password.bcrypt-cost}, 4 to 31 as bcrypt allows, failing start-up with one line otherwise. A
     * converter rather than {@code @Min}/{@code @Max}: a constraint on a config mapping makes Quarkus start a second
     * Hibernate Validator before anything else at start-up.
     */
    class BcryptCostConverter implements Converter<Integer> {
        static final int MIN = 4;
        static final int MAX = 31;

        @Override
        public Integer convert(String value) {
            int cost;
            try {
                cost = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                cost = -1;
            }
            if (cost < MIN || cost > MAX) {
                throw new IllegalArgumentException("must be a whole number from " + MIN + " to " + MAX);
            }
            return cost;
        }
    }

    /** A count of at least {@code min}, failing start-up with one line otherwise. */
    abstract class Count implements Converter<Integer> {
        private final int min;

        Count(int min) {
            this.min = min;
        }

        @Override
        public Integer convert(String value) {
            try {
                int count = Integer.parseInt(value.trim());
                if (count >= min) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException("must be a whole number of at least " + min);
        }
    }

    class AtLeastOne extends Count {
        public AtLeastOne() {
            super(1);
        }
    }

    class AtLeastZero extends Count {
        public AtLeastZero() {
            super(0);
        }
    }
}
