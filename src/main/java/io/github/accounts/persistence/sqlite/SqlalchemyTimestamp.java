package io.github.accounts.persistence.sqlite;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcLiteralFormatter;
import org.hibernate.type.descriptor.jdbc.JdbcType;

/**
 * An instant as SQLAlchemy's {@code DateTime} keeps it in SQLite: UTC text, {@code 2026-11-25 10:15:30.123456}, always
 * with six fraction digits (SQLAlchemy 1.4 reads {@code .123} as 123 microseconds). Reads that, what
 * {@code CURRENT_TIMESTAMP} stores ({@code 2026-11-28 06:17:24}), ISO-8601 with a {@code T} or an offset, and
 * milliseconds since the epoch (what the SQLite JDBC driver itself writes). A value it cannot read is an absent one,
 * so a row another program wrote oddly is still served.
 */
final class SqlalchemyTimestamp implements JdbcType {

    static final SqlalchemyTimestamp INSTANCE = new SqlalchemyTimestamp();

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter();

    static String format(Instant instant) {
        return WRITE.format(instant);
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(value));
            }
            TemporalAccessor parsed = READ.parse(value);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
            return LocalDateTime.from(parsed).toInstant(offset);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int getJdbcTypeCode() {
        return Types.VARCHAR;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return SqlTypes.TIMESTAMP_UTC;
    }

    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        return (appender, value, dialect, options) -> appender
                .appendSql("'" + format(javaType.unwrap(value, Instant.class, options)) + "'");
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement statement, X value, int index, WrapperOptions options) throws SQLException {
                statement.setString(index, format(javaType.unwrap(value, Instant.class, options)));
            }

            @Override
            protected void doBind(CallableStatement statement, X value, String name, WrapperOptions options)
                    throws SQLException {
                statement.setString(name, format(javaType.unwrap(value, Instant.class, options)));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rows, int position, WrapperOptions options) throws SQLException {
                return javaType.wrap(parse(rows.getString(position)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int position, WrapperOptions options) throws SQLException {
                return javaType.wrap(parse(statement.getString(position)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                return javaType.wrap(parse(statement.getString(name)), options);
            }
        };
    }
}
