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
 * Remembers, for a short time, that a password matched a stored bcrypt hash, so that bcrypt is paid once per
 * credential rather than on every call. The key is an HMAC (with a secret that lives only in this process) of the
 * username, the password and the stored hash: never the password itself, and a changed password or hash (through any
 * instance) can never match an old entry.
 */
@ApplicationScoped
public class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private final long rememberNanos;
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
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

    public boolean remembered(String username, String password, String storedHash) {
        Long expiry = expiries.get(digest(username, password, storedHash));
        return expiry != null && expiry - System.nanoTime() > 0;
    }

    public void remember(String username, String password, String storedHash) {
        if (expiries.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            expiries.values().removeIf(expiry -> expiry - now <= 0);
            if (expiries.size() >= MAX_ENTRIES) {
                expiries.clear();
            }
        }
        expiries.put(digest(username, password, storedHash), System.nanoTime() + rememberNanos);
    }

    private String digest(String username, String password, String storedHash) {
        Mac mac = macs.get();
        mac.update(username.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(password.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getEncoder().encodeToString(mac.doFinal(storedHash.getBytes(StandardCharsets.US_ASCII)));
    }
}
