package io.github.accounts.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link SignedIn} write whose first statement reads what it changes through {@link AccountAccess#findToChange}, or an
 * {@link AdminOnly} read through {@link AccountAccess#query}: either fetches the caller's own row alongside and confirms
 * a recently verified sign-in before anything is written or returned. The filter leaves the confirmation to that
 * statement instead of spending a read of its own on it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConfirmedByItsRead {
}
