package io.github.accounts;

import java.util.function.BiConsumer;

import org.jboss.logging.Logger;

import io.github.accounts.engine.InvalidDatabaseUriException;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service, and turns a start-up failure caused by bad configuration into the one line that says what is
 * wrong, instead of a stack trace. Any other failure is logged in full, as Quarkus would.
 */
@QuarkusMain
public class AccountsMain {

    public static void main(String... args) {
        Quarkus.run(null, AccountsMain::exit, args);
    }

    private static void exit(Integer code, Throwable failure) {
        BiConsumer<Integer, Throwable> quarkusExit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        if (failure != null) {
            InvalidDatabaseUriException badUri = find(failure);
            if (badUri != null) {
                System.err.println("ERROR: " + badUri.getMessage());
            } else {
                Logger.getLogger(AccountsMain.class).error("Failed to start the accounts service", failure);
            }
        }
        quarkusExit.accept(code, failure);
    }

    private static InvalidDatabaseUriException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidDatabaseUriException badUri) {
                return badUri;
            }
        }
        return null;
    }
}
