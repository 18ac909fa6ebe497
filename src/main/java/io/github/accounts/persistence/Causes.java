package io.github.accounts.persistence;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a failure carries an exception of some kind anywhere: among its causes or, at any level, the exceptions
 * suppressed there. A failure at {@code COMMIT} arrives from the transaction manager as a {@code RollbackException}
 * whose database error is only the cause of a suppressed {@code XAException}; walking causes alone would miss it and
 * answer a deadlock or a lost connection with 500.
 */
public final class Causes {

    private Causes() {
    }

    public static boolean anyMatch(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.push(failure);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
        }
        return false;
    }
}
