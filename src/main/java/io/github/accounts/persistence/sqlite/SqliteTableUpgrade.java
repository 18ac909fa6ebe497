package io.github.accounts.persistence.sqlite;

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
 * Brings a table that another program created (the tutorial's own SQLAlchemy code, say), or an earlier version of the
 * service, up to date on SQLite, just before Hibernate's schema update: the columns the entity maps, and ids that are
 * {@code AUTOINCREMENT}. SQLite's {@code ALTER TABLE} cannot add a column whose default is not a constant
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
        List<String> missing = table.getColumns().stream().map(Column::getName)
                .filter(column -> !existing.containsKey(column.toLowerCase(Locale.ROOT))).toList();
        boolean reusesIds = SqliteDialect.hasIdentityKey(table) && !SqliteDialect.autoincrements(create(connection, table.getName()));
        if (existing.isEmpty() || missing.isEmpty() && !reusesIds) {
            return; // Hibernate creates a missing table; an up-to-date one needs nothing
        }
        Map<String, String> unmapped = new LinkedHashMap<>(existing);
        table.getColumns().forEach(column -> unmapped.remove(column.getName().toLowerCase(Locale.ROOT)));
        inOneTransactionWithoutForeignKeys(connection,
                rebuild(table, metadata, factory, existing, unmapped, schemaOf(connection, table.getName())));
        List<String> changes = new ArrayList<>();
        if (!missing.isEmpty()) {
            changes.add("added " + String.join(", ", missing));
        }
        if (reusesIds) {
            changes.add("made its ids AUTOINCREMENT (never handed out twice)");
        }
        LOG.infof("Upgraded table %s: %s; kept its %d rows%s", table.getName(), String.join("; ", changes),
                count(connection, table.getName()), unmapped.isEmpty() ? "" : " and its columns " + String.join(", ", unmapped.keySet()));
    }

    /**
     * SQLite's own recipe: rename the table, create it anew from the entity (and the columns the entity does not map),
     * copy the rows (a column that is not null and has a default gets it for a row that holds null), drop the old one,
     * and make its indexes and triggers again.
     */
    private static List<String> rebuild(Table table, Metadata metadata, SessionFactoryImplementor factory,
            Map<String, String> existing, Map<String, String> unmapped, List<String> indexesAndTriggers) {
        String name = table.getQualifiedName(factory.getSqlStringGenerationContext());
        String old = quote(table.getName() + "_before_upgrade");
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TABLE " + name + " RENAME TO " + old);
        statements.addAll(List.of(factory.getJdbcServices().getDialect().getTableExporter()
                .getSqlCreateStrings(table, metadata, factory.getSqlStringGenerationContext())));
        List<String> into = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (Column column : table.getColumns()) {
            if (existing.containsKey(column.getName().toLowerCase(Locale.ROOT))) {
                String quoted = column.getQuotedName(factory.getJdbcServices().getDialect());
                into.add(quoted);
                from.add(column.isNullable() || column.getDefaultValue() == null ? quoted
                        : "coalesce(" + quoted + ", " + SqliteDialect.sqlite(column.getDefaultValue()) + ")");
            }
        }
        unmapped.forEach((column, type) -> {
            statements.add("ALTER TABLE " + name + " ADD COLUMN " + quote(column) + " " + type);
            into.add(quote(column));
            from.add(quote(column));
        });
        statements.add("INSERT INTO " + name + " (" + String.join(", ", into) + ") SELECT " + String.join(", ", from)
                + " FROM " + old);
        statements.add("DROP TABLE " + old);
        statements.addAll(indexesAndTriggers);
        return statements;
    }

    /** All or nothing; no other table's references to the renamed table are rewritten or checked meanwhile. */
    private static void inOneTransactionWithoutForeignKeys(Connection connection, List<String> statements)
            throws SQLException {
        boolean foreignKeys = pragma(connection, "foreign_keys");
        boolean legacyAlterTable = pragma(connection, "legacy_alter_table");
        try (Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA foreign_keys = OFF"); // outside the transaction: SQLite ignores it inside one
            sql.execute("PRAGMA legacy_alter_table = ON");
            connection.setAutoCommit(false);
            try {
                for (String statement : statements) {
                    sql.execute(statement);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                sql.execute("PRAGMA legacy_alter_table = " + (legacyAlterTable ? "ON" : "OFF"));
                sql.execute("PRAGMA foreign_keys = " + (foreignKeys ? "ON" : "OFF"));
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("SELECT count(*) FROM " + quote(table))) {
            row.next();
            return row.getLong(1);
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

    /** The statement that made the table, as SQLite keeps it; null when there is no such table. */
    private static String create(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
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
