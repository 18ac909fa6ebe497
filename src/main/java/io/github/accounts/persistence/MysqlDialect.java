package io.github.accounts.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsJdbcTimestampJdbcType;

/**
 * MySQL's dialect for a {@code mysql://} URI, which must also work against MariaDB's server:
 * <ul>
 * <li>rows are locked with a plain {@code FOR UPDATE} rather than {@code FOR UPDATE OF alias}: MariaDB does not parse
 * {@code OF}, and for the one-table selects the service locks, both lock the same rows;</li>
 * <li>an instant is bound as the text Connector/J writes for it, with its microseconds: MariaDB introduces itself as
 * MySQL {@code 5.5.5}, older than fractional seconds, so Connector/J would drop them from a bound timestamp, and a
 * write would answer a time its row does not hold.</li>
 * </ul>
 */
public class MysqlDialect extends MySQLDialect {

    public MysqlDialect() {
    }

    public MysqlDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected boolean supportsAliasLocks() {
        return false;
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(new UtcDatetimeAsText());
    }

    /** A UTC instant bound as {@code 'yyyy-MM-dd HH:mm:ss.ffffff'}, read back as any UTC timestamp is. */
    static final class UtcDatetimeAsText extends TimestampUtcAsJdbcTimestampJdbcType {

        private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
                .withZone(ZoneOffset.UTC);

        @Override
        public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
            return new BasicBinder<>(javaType, this) {
                @Override
                protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                        throws SQLException {
                    st.setString(index, TEXT.format(javaType.unwrap(value, Instant.class, options)));
                }

                @Override
                protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                        throws SQLException {
                    st.setString(name, TEXT.format(javaType.unwrap(value, Instant.class, options)));
                }
            };
        }
    }
}
