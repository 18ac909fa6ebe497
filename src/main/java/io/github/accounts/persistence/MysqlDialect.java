package io.github.accounts.persistence;

import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

/**
 * MySQL's dialect, locking rows with a plain {@code FOR UPDATE} rather than {@code FOR UPDATE OF alias}: MariaDB's
 * server, which many {@code mysql://} URIs point at, does not parse {@code OF}, and for the one-table selects the
 * service locks, both lock the same rows.
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
}
