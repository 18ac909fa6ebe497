package io.github.accounts.account;

import java.sql.SQLException;
import java.util.List;

import org.jboss.logging.Logger;

import io.github.accounts.persistence.StartupLease;
import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import io.github.accounts.security.Caller;
import io.github.accounts.security.SecurityConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Creates the first admin at start-up from {@code accounts.admin.password}, when no admin exists yet. */
@ApplicationScoped
class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String USERNAME = "admin";
    static final int TOKENS = 20;

    private final SecurityConfig config;
    private final AccountService accounts;

    AdminBootstrap(SecurityConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        // Instances starting at once would all find no admin and all insert one; under the lease the others find it.
        try (StartupLease lease = StartupLease.take()) {
            createAdminIfWanted();
        }
    }

    private void createAdminIfWanted() {
        if (QuarkusTransaction.requiringNew().call(this::adminWanted)) {
            try {
                accounts.add(List.of(new NewAccount(USERNAME, config.admin().password().get(), TOKENS, null, Caller.ADMIN)),
                        null).await().indefinitely();
                LOG.info("Created the admin account 'admin' from accounts.admin.password");
            } catch (ProblemException e) {
                if (!e.is(ProblemTypes.DUPLICATE_USERNAME)) {
                    throw e;
                }
                // A program other than this service created it between the check and the insert.
                LOG.info("The admin account 'admin' was created by someone else meanwhile");
            }
        }
    }

    /** Whether no admin exists, a password for one is configured, and its username is free. */
    private boolean adminWanted() {
        if (Account.count("role", Caller.ADMIN) > 0) {
            return false;
        }
        if (config.admin().password().isEmpty()) {
            LOG.warn("No admin account exists: start once with ACCOUNTS_ADMIN_PASSWORD=<password> (accounts.admin.password)"
                    + " to create the account 'admin'");
            return false;
        }
        if (Account.count("username", USERNAME) > 0) {
            LOG.warn("No admin account exists, and the username 'admin' is taken by a user: make it an admin with SQL"
                    + " (UPDATE accounts SET role = 'admin' WHERE username = 'admin')");
            return false;
        }
        return true;
    }
}
