package io.github.accounts.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * A call only a signed-in caller may make: anyone else gets 401 before the body is read. Used instead of
 * {@code @Authenticated}; {@link Caller} says why.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface SignedIn {
}
