package io.github.accounts.account;

import java.util.ArrayList;
import java.util.List;

/** The field rules that the create and patch bodies share. */
final class AccountRules {
    static final String USERNAME = "[A-Za-z0-9._-]*";
    static final String ROLE = "admin|user";
    static final String ROLE_MESSAGE = "must be admin or user";
    static final String USERNAME_MESSAGE = "may contain only letters, digits, '.', '_' and '-'";
    /** The most accounts one {@code POST} may carry: at cost 10 that is already about half a minute of hashing. */
    static final int MAX_BATCH = 1000;
    /**
     * The most accounts one {@code POST} may carry when an admin does not send it: what anyone may make the service hash
     * with one request, about a third of a second of bcrypt at cost 10.
     */
    static final int MAX_UNPRIVILEGED_BATCH = 10;

    private AccountRules() {
    }

    /** The names of the fields (given as name, value pairs) whose value is present. */
    static List<String> present(Object... namesAndValues) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                names.add((String) namesAndValues[i]);
            }
        }
        return names;
    }
}
