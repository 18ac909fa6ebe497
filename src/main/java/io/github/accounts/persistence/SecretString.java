package io.github.accounts.persistence;

import org.hibernate.type.descriptor.java.StringJavaType;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A text column whose values are never logged: Hibernate's echo of bind parameters and of rows shows {@code ***} for
 * it, whatever it holds (a bcrypt hash, or the plain text another program stored). Put on a field with
 * {@code @JavaType(SecretString.class)}.
 */
@RegisterForReflection // Hibernate instantiates it by its class, also in the native executable
public class SecretString extends StringJavaType {

    @Override
    public String extractLoggableRepresentation(String value) {
        return value == null ? "null" : "***";
    }
}
