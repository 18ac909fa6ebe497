package io.github.accounts.problem;

/** The {@code type} URIs of the problems this service answers with; {@code about:blank} means "see the status". */
public final class ProblemTypes {
    public static final String BLANK = "about:blank";
    public static final String VALIDATION = "urn:accounts:problem:validation";
    public static final String MALFORMED_JSON = "urn:accounts:problem:malformed-json";
    public static final String NOT_FOUND = "urn:accounts:problem:not-found";
    public static final String DUPLICATE_USERNAME = "urn:accounts:problem:duplicate-username";
    public static final String CONCURRENT_UPDATE = "urn:accounts:problem:concurrent-update";
    public static final String CONFLICT = "urn:accounts:problem:conflict";
    public static final String ACCOUNT_HAS_TRANSFERS = "urn:accounts:problem:account-has-transfers";
    public static final String INSUFFICIENT_TOKENS = "urn:accounts:problem:insufficient-tokens";
    public static final String TOO_MANY_TOKENS = "urn:accounts:problem:too-many-tokens";
    public static final String IDEMPOTENCY_KEY_REUSED = "urn:accounts:problem:idempotency-key-reused";
    public static final String STALE_VERSION = "urn:accounts:problem:stale-version";
    public static final String UNAUTHORIZED = "urn:accounts:problem:unauthorized";
    public static final String FORBIDDEN = "urn:accounts:problem:forbidden";
    public static final String TOO_MANY_SIGN_INS = "urn:accounts:problem:too-many-sign-ins";
    public static final String BUSY = "urn:accounts:problem:busy";
    public static final String TOO_MANY_PASSWORD_CHECKS = "urn:accounts:problem:too-many-password-checks";
    public static final String DATABASE_UNAVAILABLE = "urn:accounts:problem:database-unavailable";
    public static final String INTERNAL = "urn:accounts:problem:internal";

    private ProblemTypes() {
    }
}
