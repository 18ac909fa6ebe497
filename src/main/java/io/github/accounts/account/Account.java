package io.github.accounts.account;

import java.time.Instant;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JavaType;

import io.github.accounts.persistence.BaseEntity;
import io.github.accounts.persistence.SecretString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The tutorial's {@code class Account(Base)}: one row of table {@code accounts}. A table another program created keeps
 * its own columns (the tutorial's have no database defaults), so a row it wrote without {@code tokens} or
 * {@code verified} reads as their defaults.
 */
@Entity
@Table(name = "accounts")
public class Account extends BaseEntity {

    public static final int USERNAME_LENGTH = 64;
    public static final int DEFAULT_TOKENS = 10;
    public static final String DEFAULT_ROLE = "user";

    @Column(length = USERNAME_LENGTH, nullable = false, unique = true)
    public String username;

    /** A bcrypt hash, never the password itself (other programs may store anything); never logged. */
    @Column(length = 64, nullable = false)
    @JavaType(SecretString.class)
    public String password;

    @ColumnDefault("10")
    @ColumnTransformer(read = "coalesce(tokens, 10)")
    @Column(nullable = false)
    public int tokens = DEFAULT_TOKENS;

    @ColumnDefault("false")
    @ColumnTransformer(read = "coalesce(verified, false)")
    @Column(nullable = false)
    public boolean verified;

    @CreationTimestamp
    @ColumnDefault("CURRENT_TIMESTAMP(6)")
    @Column(name = "date_created", nullable = false, updatable = false)
    public Instant dateCreated;

    @ColumnDefault("'user'")
    @Column(length = 16, nullable = false)
    public String role = DEFAULT_ROLE;

    /** Reads like the tutorial's {@code __repr__}; the password never appears. */
    @Override
    public String toString() {
        return "<Account U: " + username + " T: " + tokens + " V: " + verified + ">";
    }
}
