package io.github.accounts.persistence.sqlite;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.community.dialect.identity.SQLiteIdentityColumnSupport;
import org.hibernate.dialect.identity.IdentityColumnSupport;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.internal.StandardIndexExporter;
import org.hibernate.tool.schema.internal.StandardTableExporter;
import org.hibernate.tool.schema.spi.Exporter;
import org.hibernate.type.SqlTypes;
import org.sqlite.SQLiteException;

/**
 * SQLite as the tutorial's SQLAlchemy code keeps it, so that both can share one file: timestamps as UTC text in
 * {@code datetime} columns ({@link SqlalchemyTimestamp}) and {@code CURRENT_TIMESTAMP} defaults without a precision,
 * which SQLite does not take; ids that are SQLite's rowid; constraint failures Hibernate can tell apart. Booleans are
 * 0 and 1 on both sides already. Tables another program created are brought up to date by {@link SqliteTableUpgrade}.
 */
public class SqliteDialect extends SQLiteDialect {

    private static final Pattern TIMESTAMP_PRECISION = Pattern.compile("(?i)\\bcurrent_timestamp\\s*\\(\\s*\\d+\\s*\\)");

    /**
     * {@code id INTEGER}, so that the id is SQLite's rowid and a plain {@code INSERT} gets one. Upper case on purpose:
     * Hibernate 7.2 leaves the identity type out when the statement so far already contains it in lower case (as
     * {@code tokens integer} does), and a column without a type is no rowid.
     */
    private static final IdentityColumnSupport ROWID = new SQLiteIdentityColumnSupport() {
        @Override
        public String getIdentityColumnString(int type) {
            return "INTEGER";
        }
    };

    private final Exporter<Table> tableExporter = new StandardTableExporter(this) {
        @Override
        public String[] getSqlCreateStrings(Table table, Metadata metadata, SqlStringGenerationContext context) {
            String[] statements = Arrays.stream(super.getSqlCreateStrings(table, metadata, context)).map(SqliteDialect::sqlite)
                    .toArray(String[]::new);
            statements[0] = withForeignKeys(withUniqueKeys(autoincrement(statements[0], table), table), table);
            return statements;
        }
    };

    /** {@code create index if not exists}: schema update does not see the indexes SQLite has, and would create them again. */
    private final Exporter<Index> indexExporter = new StandardIndexExporter(this) {
        @Override
        public String[] getSqlCreateStrings(Index index, Metadata metadata, SqlStringGenerationContext context) {
            return Arrays.stream(super.getSqlCreateStrings(index, metadata, context))
                    .map(sql -> sql.replaceFirst("(?i)^create (unique )?index ", "create $1index if not exists ")).toArray(String[]::new);
        }
    };

    public SqliteDialect() {
    }

    public SqliteDialect(DialectResolutionInfo info) {
        super(info);
    }

    /** SQL written for the other dialects, as SQLite takes it: {@code CURRENT_TIMESTAMP(6)} becomes {@code CURRENT_TIMESTAMP}. */
    static String sqlite(String sql) {
        return TIMESTAMP_PRECISION.matcher(sql).replaceAll("CURRENT_TIMESTAMP");
    }

    /**
     * An identity id as {@code INTEGER PRIMARY KEY AUTOINCREMENT}: without it SQLite hands the highest id out again
     * once that row is deleted, so a client's cached {@code Location}, an {@code ETag} or a log line would name
     * another account. The key moves from the table's end into the column, where SQLite requires it.
     */
    private String autoincrement(String create, Table table) {
        if (!hasIdentityKey(table)) {
            return create;
        }
        String id = table.getPrimaryKey().getColumns().get(0).getQuotedName(this);
        String column = "([(,]\\s*)" + Pattern.quote(id) + " INTEGER(?=[,)])";
        String keyed = create.replaceFirst(column, "$1" + Matcher.quoteReplacement(id) + " INTEGER PRIMARY KEY AUTOINCREMENT");
        if (keyed.equals(create)) {
            throw new IllegalStateException("SQLite: no column " + id + " INTEGER to make AUTOINCREMENT in: " + create);
        }
        return keyed.replace(", primary key (" + id + ")", "");
    }

    /** Whether the table's key is one id the database assigns. */
    static boolean hasIdentityKey(Table table) {
        return table.getPrimaryKey() != null && table.getPrimaryKey().getColumns().size() == 1
                && table.getPrimaryKey().getColumns().get(0).isIdentity();
    }

    /** Whether a table's {@code create} statement (as {@code sqlite_schema} holds it) gives it ids never handed out twice. */
    static boolean autoincrements(String create) {
        return create != null && create.toUpperCase(java.util.Locale.ROOT).contains("AUTOINCREMENT");
    }

    /**
     * Unique keys of several columns (a transfer's idempotency key) go into the {@code create table} too: Hibernate would
     * add them with an {@code alter table} that SQLite does not have. A one-column key is in its column already.
     */
    private String withUniqueKeys(String create, Table table) {
        StringBuilder keys = new StringBuilder();
        for (UniqueKey key : table.getUniqueKeys().values()) {
            if (key.getColumns().size() > 1 || !key.getColumns().get(0).isUnique()) {
                keys.append(", constraint ").append(key.getName()).append(" unique (").append(names(key.getColumns())).append(')');
            }
        }
        int end = create.lastIndexOf(')');
        return keys.isEmpty() ? create : create.substring(0, end) + keys + create.substring(end);
    }

    /**
     * SQLite cannot add a foreign key to a table it has created ({@code hasAlterTable()} is false, so Hibernate adds
     * none): they go into the {@code create table} itself, where SQLite enforces them ({@code foreign_keys=true}).
     */
    private String withForeignKeys(String create, Table table) {
        StringBuilder keys = new StringBuilder();
        for (ForeignKey key : table.getForeignKeyCollection()) {
            if (!key.isCreationEnabled()) {
                continue;
            }
            List<Column> referenced = key.isReferenceToPrimaryKey() ? key.getReferencedTable().getPrimaryKey().getColumns()
                    : key.getReferencedColumns();
            keys.append(", foreign key (").append(names(key.getColumns())).append(") references ")
                    .append(key.getReferencedTable().getQuotedName(this)).append(" (").append(names(referenced)).append(')');
        }
        int end = create.lastIndexOf(')');
        return keys.isEmpty() ? create : create.substring(0, end) + keys + create.substring(end);
    }

    private String names(List<Column> columns) {
        return String.join(", ", columns.stream().map(column -> column.getQuotedName(this)).toList());
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return switch (sqlTypeCode) {
            case SqlTypes.TIMESTAMP, SqlTypes.TIMESTAMP_WITH_TIMEZONE -> "datetime";
            default -> super.columnType(sqlTypeCode);
        };
    }

    @Override
    public void contributeTypes(TypeContributions contributions, ServiceRegistry registry) {
        super.contributeTypes(contributions, registry);
        contributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(SqlalchemyTimestamp.INSTANCE);
    }

    @Override
    public Exporter<Table> getTableExporter() {
        return tableExporter;
    }

    @Override
    public Exporter<Index> getIndexExporter() {
        return indexExporter;
    }

    @Override
    public IdentityColumnSupport getIdentityColumnSupport() {
        return ROWID;
    }

    /** Constraint failures by kind (the driver reports no SQLState), so that a duplicate username is a 409. */
    @Override
    public SQLExceptionConversionDelegate buildSQLExceptionConversionDelegate() {
        SQLExceptionConversionDelegate sqlite = super.buildSQLExceptionConversionDelegate();
        return (failure, message, sql) -> {
            ConstraintKind kind = failure instanceof SQLiteException e ? switch (e.getResultCode()) {
                case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> ConstraintKind.UNIQUE;
                case SQLITE_CONSTRAINT_NOTNULL -> ConstraintKind.NOT_NULL;
                case SQLITE_CONSTRAINT_CHECK -> ConstraintKind.CHECK;
                case SQLITE_CONSTRAINT_FOREIGNKEY -> ConstraintKind.FOREIGN_KEY;
                default -> null;
            } : null;
            return kind == null ? sqlite.convert(failure, message, sql)
                    : new ConstraintViolationException(message, failure, sql, kind,
                            getViolatedConstraintNameExtractor().extractConstraintName(failure));
        };
    }
}
