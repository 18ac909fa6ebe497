package io.github.accounts.security;

/** What sign-in needs of an account as stored now: its credential and role, and its failed sign-ins as counted. */
record StoredCredential(long id, String username, String password, String role, int failures, long blockedUntil) {

    /** One indexed read of an account's credential with its lockout; SQL, with its columns named for their types. */
    static final String BY_USERNAME = """
            select a.id, a.username, a.password, a.role, coalesce(f.failures, 0) failures,
                   coalesce(f.blocked_until, 0) blocked_until
            from accounts a left join sign_in_failures f on f.subject = a.id where a.username = :username""";

    /** From a row of {@link #BY_USERNAME}. */
    static StoredCredential of(Object[] row) {
        return new StoredCredential((Long) row[0], (String) row[1], (String) row[2], (String) row[3], (Integer) row[4],
                (Long) row[5]);
    }

    @Override
    public String toString() {
        return "StoredCredential[id=" + id + ", role=" + role + "]"; // never the hash
    }
}
