package io.github.accounts.account;

import org.eclipse.microprofile.config.spi.Converter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** The {@code accounts.*} settings. */
@ConfigMapping(prefix = "accounts")
public interface AccountsConfig {

    Password password();

    interface Password {
        /** The bcrypt cost (log2 of its rounds) for new password hashes; each step doubles the work. */
        @WithDefault("10")
        @WithConverter(BcryptCostConverter.class)
        int bcryptCost();
    }

    /**
     * Reads {@code accounts.password.bcrypt-cost}, 4 to 31 as bcrypt allows. A converter rather than {@code @Min}/{@code @Max}:
     * one constraint on a config mapping makes Quarkus bootstrap a second Hibernate Validator before anything else at
     * start-up, which measured about 0.6 s of a 2.7 s start on 2 cores.
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
}
