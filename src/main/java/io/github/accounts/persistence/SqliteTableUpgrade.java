package io.github.accounts.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.jboss.logging.Logger;

/**
 * Brings a table that another program created (the tutorial's own SQLAlchemy code, say) up to date on SQLite, just
 * before Hibernate's schema update. SQLite's {@code ALTER TABLE} cannot add a column whose default is not a constant
 * ({@code last_updated}'s {@code CURRENT_TIMESTAMP}), so such a table is rebuilt the way SQLite documents it (and
 * Alembic's batch mode does it), in one transaction: the old table is renamed, the new one created from the entity,
 * every row copied (with the columns the entity does not map, which are kept), the old table dropped and its indexes
 * and triggers made again. If any step fails, nothing has changed and start-up stops.
 */
public class SqliteTableUpgrade implements Integrator {

    private static final Logger LOG = Logger.getLogger(SqliteTableUpgrade.class);
    private static final String UPDATE = "update";

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrap, SessionFactoryImplementor factory) {
        if (!(factory.getJdbcServices().getDialect() instanceof SqliteDialect)
                || !UPDATE.equals(String.valueOf(factory.getProperties().get("jakarta.persistence.schema-generation.database.action")))) {
            return;
        }
        ConnectionProvider connections = factory.getServiceRegistry().requireService(ConnectionProvider.class);
        try {
            Connection connection = connections.getConnection();
            try {
                for (Table table : metadata.collectTableMappings()) {
                    upgrade(connection, table, metadata, factory);
                }
            } finally {
                connections.closeConnection(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite: could not bring the tables up to date: " + e.getMessage(), e);
        }
    }

    private static void upgrade(Connection connection, Table table, Metadata metadata, SessionFactoryImplementor factory)
            throws SQLException {
        Map<String, String> existing = columns(connection, table.getName());
        List<Column> missing = table.getColumns().stream()
                .filter(c -> !existing.containsKey(c.getName().toLowerCase(Locale.ROOT))).toList();
        if (existing.isEmpty() || missing.isEmpty()) {
            return; // Hibernate creates a missing table; an up-to-date one needs nothing
        }
        String name = table.getQualifiedName(factory.getSqlStringGenerationContext());
        String old = quote(table.getName() + "_before_upgrade");
        List<String> kept = new ArrayList<>();
        List<String> copied = new ArrayList<>();
        for (Column column : table.getColumns()) {
            if (existing.remove(column.getName().toLowerCase(Locale.ROOT)) != null) {
                String quoted = column.getQuotedName(factory.getJdbcServices().getDialect());
                kept.add(quoted);
                copied.add(column.isNullable() || column.getDefaultValue() == null ? quoted
                        : "coalesce(" + quoted + ", " + SqliteDialect.sqlite(column.getDefaultValue()) + ")");
            }
        }
        List<String> recreate = schemaOf(connection, table.getName());
        boolean foreignKeys = pragma(connection, "foreign_keys");
        boolean legacyAlterTable = pragma(connection, "legacy_alter_table");
        try (Statement sql = connection.createStatement()) {
            // Outside the transaction (SQLite ignores these inside one): no other table's references are rewritten.
            sql.execute("PRAGMA foreign_keys = OFF");
            sql.execute("PRAGMA legacy_alter_table = ON");
            connection.setAutoCommit(false);
            try {
                sql.execute("ALTER TABLE " + name + " RENAME TO " + old);
                for (String create : factory.getJdbcServices().getDialect().getTableExporter()
                        .getSqlCreateStrings(table, metadata, factory.getSqlStringGenerationContext())) {
                    sql.execute(create);
                }
                for (Map.Entry<String, String> extra : existing.entrySet()) {
                    sql.execute("ALTER TABLE " + name + " ADD COLUMN " + quote(extra.getKey()) + " " + extra.getValue());
                    kept.add(quote(extra.getKey()));
                    copied.add(quote(extra.getKey()));
                }
                int rows = sql.executeUpdate("INSERT INTO " + name + " (" + String.join(", ", kept) + ") SELECT "
                        + String.join(", ", copied) + " FROM " + old);
                sql.execute("DROP TABLE " + old);
                for (String statement : recreate) {
                    sql.execute(statement);
                }
                connection.commit();
                LOG.infof("Upgraded table %s, which another program created: added %s, kept its %d rows%s", table.getName(),
                        String.join(", ", missing.stream().map(Column::getName).toList()), rows,
                        existing.isEmpty() ? "" : " and its columns " + String.join(", ", existing.keySet()));
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            try (Statement sql = connection.createStatement()) {
                sql.execute("PRAGMA legacy_alter_table = " + (legacyAlterTable ? "ON" : "OFF"));
                sql.execute("PRAGMA foreign_keys = " + (foreignKeys ? "ON" : "OFF"));
            }
        }
    }

    /** The table's columns, lower-case name to declared type, in their order; empty when there is no such table. */
    private static Map<String, String> columns(Connection connection, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name, type FROM pragma_table_info(?)")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
                }
            }
        }
        return columns;
    }

    /** The statements that made the table's own indexes and triggers (not the ones SQLite makes for constraints). */
    private static List<String> schemaOf(Connection connection, String table) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statements.add(rows.getString(1));
                }
            }
        }
        return statements;
    }

    private static boolean pragma(Connection connection, String name) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("PRAGMA " + name)) {
            return row.next() && row.getInt(1) != 0;
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
