package io.github.accounts.persistence;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/** SQLAlchemy's {@code IntegrityError}, told apart by kind, for the code that made the change to name. */
public final class Constraints {

    private Constraints() {
    }

    /** Whether {@code e}, or one of its causes, is a broken constraint of that kind. */
    public static boolean violated(Throwable e, ConstraintKind kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getKind() == kind) {
                return true;
            }
        }
        return false;
    }
}
