package io.github.accounts.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * A call only an admin may make: 401 for an anonymous caller, 403 for anyone else, before the body is read. Used
 * instead of {@code @RolesAllowed("admin")}; {@link Caller} says why.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface AdminOnly {
}
