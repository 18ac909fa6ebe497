package io.github.accounts.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns passwords into salted bcrypt hashes at the configured cost, and checks them; the only place a plain password is
 * handled. The bcrypt work itself runs on {@link BcryptPool}, shared out by the caller's address
 * ({@link Caller#bcryptShare()}): when it is full, a call is answered 503, or 429 if its address holds half of it.
 */
@ApplicationScoped
public class PasswordHasher {

    /**
     * A bcrypt hash under any of its prefixes: {@code $2a$}, {@code $2b$} (what Python's bcrypt writes) and {@code $2y$}
     * differ only for passwords longer than the 72 bytes any password here may have, so each is checked as {@code $2a$}.
     */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12]\\d|3[01])\\$[./A-Za-z0-9]{53}");

    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    private final String decoy;
    private final BcryptPool pool;

    PasswordHasher(SecurityConfig config, BcryptPool pool) {
        this.cost = config.password().bcryptCost();
        this.decoy = decoy(cost);
        this.pool = pool;
    }

    /** The password's hash, when the pool has made it: nothing waits for it meanwhile (503 at once if the pool is full). */
    public CompletableFuture<String> hashLater(String password, String client) {
        return pool.submit(client, () -> BcryptUtil.bcryptHash(password, cost));
    }

    /**
     * Hashes a batch on every thread of the pool, a few at a time, so that other calls' checks queue between them
     * rather than behind the whole batch; 503 (and nothing that counts hashed) if the pool is full meanwhile.
     */
    public CompletableFuture<List<String>> hashAllLater(List<String> passwords, String client) {
        CompletableFuture<List<String>> hashed = CompletableFuture.completedFuture(new ArrayList<>(passwords.size()));
        for (int from = 0; from < passwords.size(); from += pool.threads()) {
            List<String> window = passwords.subList(from, Math.min(passwords.size(), from + pool.threads()));
            hashed = hashed.thenCompose(hashes -> {
                List<CompletableFuture<String>> started = window.stream().map(p -> hashLater(p, client)).toList();
                return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).thenApply(done -> {
                    started.forEach(hash -> hashes.add(hash.join()));
                    return hashes;
                });
            });
        }
        return hashed;
    }

    /** 503 (or 429) at once when bcrypt's pool has no place for this client now. */
    void requireRoomToCheck(String client) {
        pool.requireRoom(client);
    }

    /**
     * Whether the password matches a stored hash, answered when the pool has run the check: nothing waits for it
     * meanwhile. A stored value that is no bcrypt hash (the plain text the tutorial's own code stores, another scheme,
     * nothing) matches no password, after the same work as a real check.
     */
    CompletableFuture<Boolean> matchesLater(String password, String stored, String client) {
        boolean bcrypt = isHash(stored);
        String checked = bcrypt ? "$2a$" + stored.substring(4) : decoy;
        return pool.submit(client, () -> {
            try {
                return BcryptUtil.matches(password, checked) && bcrypt;
            } catch (RuntimeException e) {
                return false; // shaped like bcrypt, but not a hash the algorithm can read
            }
        });
    }

    /** Whether bcrypt reads all of the password: at most 72 bytes, or a longer one would be silently cut. */
    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    /** Whether a stored value is a bcrypt hash this service can check a password against. */
    public boolean isHash(String stored) {
        return stored != null && BCRYPT.matcher(stored).matches();
    }

    /**
     * A bcrypt hash at the given cost that no password matches: a random salt beside a random digest. Checking a
     * password against it costs what any check at that cost costs; making it costs nothing (a real hash costs a check).
     */
    private static String decoy(int cost) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
        byte[] digest = new byte[BCryptPassword.BCRYPT_HASH_SIZE];
        random.nextBytes(salt);
        random.nextBytes(digest);
        try {
            return ModularCrypt.encodeAsString(
                    BCryptPassword.createRaw(BCryptPassword.ALGORITHM_BCRYPT, digest, salt, cost));
        } catch (InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
