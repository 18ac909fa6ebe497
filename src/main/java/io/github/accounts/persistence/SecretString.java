package io.github.accounts.persistence;

import java.sql.Types;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.BasicType;
import org.hibernate.type.descriptor.java.StringJavaType;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A text column whose values are never logged: Hibernate's echo of bind parameters and of rows shows {@code ***} for
 * it, whatever it holds (a bcrypt hash, or the plain text another program stored). Put on a field with
 * {@code @JavaType(SecretString.class)}.
 */
@RegisterForReflection // Hibernate instantiates it by its class, also in the native executable
public class SecretString extends StringJavaType {

    /** The type to read or bind such a value with in a native query, so that echo masks it there too. */
    public static BasicType<String> type(SessionFactory sessions) {
        return sessions.unwrap(SessionFactoryImplementor.class).getTypeConfiguration().getBasicTypeRegistry()
                .resolve(new SecretString(), Types.VARCHAR);
    }

    @Override
    public String extractLoggableRepresentation(String value) {
        return value == null ? "null" : "***";
    }
}
