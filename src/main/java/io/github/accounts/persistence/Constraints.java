package io.github.accounts.persistence;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/** SQLAlchemy's {@code IntegrityError}, told apart by kind, for the code that made the change to name. */
public final class Constraints {

    private Constraints() {
    }

    /** Whether {@code e} carries ({@link Causes}) a broken constraint of that kind. */
    public static boolean violated(Throwable e, ConstraintKind kind) {
        return Causes.anyMatch(e, t -> t instanceof ConstraintViolationException violation && violation.getKind() == kind);
    }
}
