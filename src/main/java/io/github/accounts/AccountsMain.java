package io.github.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.jboss.logging.Logger;

import io.github.accounts.engine.InvalidDatabaseUriException;
import io.github.accounts.http.RequestLimits;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.ConfigValidationException;

/**
 * Starts the service, and turns a start-up failure caused by bad configuration into the one line that says what is
 * wrong, instead of a stack trace. Any other failure is logged in full, as Quarkus would.
 */
@QuarkusMain
public class AccountsMain {

    public static void main(String... args) {
        // Quarkus refuses a request target that java.net.URI cannot parse with a bare 400, before any route and with
        // no hook; without its check, RequestLimits makes the same check and answers it as a problem.
        System.setProperty(RequestLimits.LEAVE_URI_CHECK_TO_US, "true");
        Quarkus.run(null, AccountsMain::exit, args);
    }

    private static void exit(Integer code, Throwable failure) {
        BiConsumer<Integer, Throwable> quarkusExit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        if (failure != null) {
            String badConfiguration = badConfiguration(failure);
            if (badConfiguration != null) {
                System.err.println("ERROR: " + badConfiguration);
            } else {
                Logger.getLogger(AccountsMain.class).error("Failed to start the accounts service", failure);
            }
        }
        quarkusExit.accept(code, failure);
    }

    /** The one-line explanation of a configuration mistake, or null when the failure is something else. */
    private static String badConfiguration(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidDatabaseUriException badUri) {
                return badUri.getMessage();
            }
            if (t instanceof ConfigValidationException invalid) {
                List<String> problems = new ArrayList<>();
                for (int i = 0; i < invalid.getProblemCount(); i++) {
                    // "java.lang.IllegalArgumentException: SRCFG00039: The config property ..." without the codes
                    problems.add(invalid.getProblem(i).getMessage()
                            .replaceFirst("^([\\w$]+\\.)*[\\w$]+(Exception|Error): ", "")
                            .replaceFirst("^SRCFG\\d+: ", ""));
                }
                return "invalid configuration: " + String.join("; ", problems);
            }
        }
        return null;
    }
}
