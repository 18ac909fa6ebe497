package io.github.accounts.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers, for a short time, that a password matched a stored bcrypt hash, so that bcrypt is paid once per credential
 * rather than on every call. The key is an HMAC (with a secret that lives only in this process) of the username and the
 * password, never the password itself; the value is the hash it matched. A call is spared bcrypt only while the
 * account's stored hash is still that one.
 */
@ApplicationScoped
class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private final long rememberNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** One keyed MAC per thread: looking one up and keying it costs more than the digest itself. */
    private final ThreadLocal<Mac> macs;

    VerifiedCredentials(SecurityConfig config) {
        this.rememberNanos = config.signIn().rememberFor().toNanos();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec secret = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(secret);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    /** The stored hash this password was recently verified against, or null: one digest per sign-in. */
    String recalled(String username, String password) {
        Entry entry = entries.get(digest(username, password));
        return entry != null && entry.expiry - System.nanoTime() > 0 ? entry.hash : null;
    }

    /** Records that the password matched this stored hash. */
    void remember(String username, String password, String storedHash) {
        if (entries.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            entries.values().removeIf(entry -> entry.expiry - now <= 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(digest(username, password), new Entry(storedHash, System.nanoTime() + rememberNanos));
    }

    private String digest(String username, String password) {
        Mac mac = macs.get();
        mac.update(username.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    private record Entry(String hash, long expiry) {
    }
}
