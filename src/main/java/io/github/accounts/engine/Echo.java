package io.github.accounts.engine;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** SQLAlchemy's {@code echo}: {@code false}, {@code true} (SQL, parameters, transactions) or {@code debug} (rows too). */
public enum Echo {
    FALSE, TRUE, DEBUG;

    @JsonCreator
    public static Echo of(String value) {
        for (Echo echo : values()) {
            if (echo.text().equals(value == null ? null : value.strip().toLowerCase(Locale.ROOT))) {
                return echo;
            }
        }
        throw new IllegalArgumentException("must be false, true or debug");
    }

    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text();
    }
}
