package io.github.accounts.account;

/** The field rules that the create and patch bodies share. */
final class AccountRules {
    static final String USERNAME = "[A-Za-z0-9._-]*";
    static final String USERNAME_MESSAGE = "may contain only letters, digits, '.', '_' and '-'";
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    static final int PASSWORD_MAX_BYTES = 72;
    /** The most accounts one {@code POST} may carry: at cost 10 that is already about half a minute of hashing. */
    static final int MAX_BATCH = 1000;

    private AccountRules() {
    }
}
