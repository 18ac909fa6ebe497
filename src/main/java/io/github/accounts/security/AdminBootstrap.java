package io.github.accounts.security;

import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.github.accounts.account.Account;
import io.github.accounts.account.AccountService;
import io.github.accounts.account.NewAccount;
import io.github.accounts.security.AccountIdentityProvider.StoredCredential;
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
    private final AccountIdentityProvider signIn;

    AdminBootstrap(SecurityConfig config, AccountService accounts, AccountIdentityProvider signIn) {
        this.config = config;
        this.accounts = accounts;
        this.signIn = signIn;
    }

    void onStart(@Observes StartupEvent event) {
        // Sign-in's own read settles the usual case, with no transaction (start-up then has none to set up); the rest
        // counts and creates in one.
        Optional<StoredCredential> named = signIn.load(USERNAME);
        if (named.filter(admin -> admin.role().equals(Caller.ADMIN)).isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> createUnlessAnAdminExists(named.isPresent()));
        }
    }

    private void createUnlessAnAdminExists(boolean usernameTaken) {
        if (Account.count("role", Caller.ADMIN) > 0) {
            return;
        }
        if (config.admin().password().isEmpty()) {
            LOG.warn("No admin account exists: start once with ACCOUNTS_ADMIN_PASSWORD=<password> (accounts.admin.password)"
                    + " to create the account 'admin'");
            return;
        }
        if (usernameTaken) {
            LOG.warn("No admin account exists, and the username 'admin' is taken by a user: make it an admin with SQL"
                    + " (UPDATE accounts SET role = 'admin' WHERE username = 'admin')");
            return;
        }
        accounts.add(List.of(new NewAccount(USERNAME, config.admin().password().get(), TOKENS, null, Caller.ADMIN)));
        LOG.info("Created the admin account 'admin' from accounts.admin.password");
    }
}
