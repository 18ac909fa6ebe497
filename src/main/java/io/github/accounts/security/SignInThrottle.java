package io.github.accounts.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows password guessing: after too many failed sign-ins for one username within the window, every attempt for it
 * is refused until the window has passed, whatever the password. A success resets the count. Kept in memory, so each
 * instance counts its own attempts.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final long windowNanos;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(SecurityConfig config) {
        this.maxFailures = config.signIn().maxFailures();
        this.windowNanos = config.signIn().window().toNanos();
    }

    /** Seconds until this username may try again, or 0 when it may try now. */
    public long retryAfterSeconds(String username) {
        Failures entry = failures.get(username);
        if (entry == null) {
            return 0;
        }
        long remaining = entry.blockedUntil - System.nanoTime();
        return remaining > 0 ? Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L) : 0;
    }

    public void failed(String username) {
        if (failures.size() >= MAX_TRACKED) {
            long now = System.nanoTime();
            failures.values().removeIf(f -> now - f.windowStart > windowNanos && now - f.blockedUntil > 0);
        }
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(username)) {
            // Memory stays bounded. Each failure costs a bcrypt check, so one instance fails far fewer than this many
            // distinct usernames within a window; only a larger flood goes partly uncounted.
            return;
        }
        failures.compute(username, (name, entry) -> {
            long now = System.nanoTime();
            if (entry == null || now - entry.windowStart > windowNanos) {
                entry = new Failures(now);
            }
            entry.count++;
            if (entry.count >= maxFailures) {
                entry.blockedUntil = now + windowNanos;
            }
            return entry;
        });
    }

    public void succeeded(String username) {
        failures.remove(username);
    }

    private static final class Failures {
        final long windowStart;
        int count;
        long blockedUntil;

        Failures(long windowStart) {
            this.windowStart = windowStart;
            this.blockedUntil = windowStart;
        }
    }
}
