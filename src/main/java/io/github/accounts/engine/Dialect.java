package io.github.accounts.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The databases a URI may name, with the Quarkus {@code db-kind}, JDBC URL prefix and JDBC driver that each one means.
 * Python driver names are accepted so that a SQLAlchemy URI works verbatim; each means "the standard JDBC driver".
 */
public enum Dialect {
    H2("h2", "h2", "jdbc:h2:", "h2", Set.of()),
    SQLITE("sqlite", "sqlite", "jdbc:sqlite:", "sqlite-jdbc", Set.of("pysqlite", "aiosqlite", "jdbc")),
    POSTGRESQL("postgresql", "postgresql", "jdbc:postgresql://", "pgjdbc",
            Set.of("psycopg2", "psycopg", "asyncpg", "pg8000", "pgjdbc", "jdbc")),
    MYSQL("mysql", "mysql", "jdbc:mysql://", "mysql-connector-j",
            Set.of("pymysql", "mysqldb", "mysqlconnector", "jdbc")),
    MARIADB("mariadb", "mariadb", "jdbc:mariadb://", "mariadb-java-client",
            Set.of("mariadbconnector", "pymysql", "mysqldb", "mysqlconnector", "jdbc"));

    private final String uriName;
    private final String dbKind;
    private final String jdbcPrefix;
    private final String jdbcDriver;
    private final Set<String> driverNames;

    Dialect(String uriName, String dbKind, String jdbcPrefix, String jdbcDriver, Set<String> driverNames) {
        this.uriName = uriName;
        this.dbKind = dbKind;
        this.jdbcPrefix = jdbcPrefix;
        this.jdbcDriver = jdbcDriver;
        this.driverNames = driverNames;
    }

    /** The dialect a URI scheme names; {@code postgres} is accepted as an alias of {@code postgresql}. */
    public static Optional<Dialect> fromUriName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("postgres")) {
            return Optional.of(POSTGRESQL);
        }
        return Arrays.stream(values()).filter(d -> d.uriName.equals(lower)).findFirst();
    }

    /** The dialect whose Quarkus {@code db-kind} this is, for a datasource configured the Quarkus way. */
    public static Optional<Dialect> fromDbKind(String dbKind) {
        String lower = dbKind.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.dbKind.equals(lower)).findFirst();
    }

    public boolean acceptsDriver(String driver) {
        return driverNames.contains(driver.toLowerCase(Locale.ROOT));
    }

    /** The name used in URIs, e.g. {@code postgresql}. */
    public String uriName() {
        return uriName;
    }

    /** The Quarkus {@code quarkus.datasource.db-kind} value. */
    public String dbKind() {
        return dbKind;
    }

    String jdbcPrefix() {
        return jdbcPrefix;
    }

    /** The JDBC driver that carries this dialect, as shown by {@code GET /engine}. */
    public String jdbcDriver() {
        return jdbcDriver;
    }

    /**
     * Build-time settings this dialect needs beyond its {@code db-kind}. For SQLite: the Hibernate dialect that stores
     * rows as SQLAlchemy does (so the tutorial's own code can share the file), and the oldest SQLite whose features the
     * service uses ({@code sqlite_schema}), since the extension declares none and Hibernate would assume 2.0, and the
     * driver that begins a transaction with its first statement ({@code SqliteDriver}). For MySQL:
     * row locks that MariaDB's server parses too.
     */
    Map<String, String> buildSettings() {
        return switch (this) {
            case SQLITE -> Map.of("quarkus.hibernate-orm.dialect", "io.github.accounts.persistence.sqlite.SqliteDialect",
                    "quarkus.datasource.db-version", "3.33",
                    "quarkus.datasource.jdbc.driver", "io.github.accounts.persistence.sqlite.SqliteDriver");
            case MYSQL -> Map.of("quarkus.hibernate-orm.dialect", "io.github.accounts.persistence.MysqlDialect");
            default -> Map.of();
        };
    }

    /**
     * The one statement each new connection runs so that no statement, and no wait for a lock, lasts beyond the limit:
     * the database then fails it (answered 503, nothing changed) rather than let a call hang. On a MySQL server only lock
     * waits are bounded ({@code max_statement_time} is MariaDB's; the comment form runs it on MariaDB only).
     */
    String waitLimitSql(Duration limit) {
        long millis = limit.toMillis();
        long seconds = Math.max(1, (millis + 999) / 1000); // InnoDB counts whole seconds
        String fraction = String.format(Locale.ROOT, "%.3f", millis / 1000.0);
        return switch (this) {
            case H2 -> "SET LOCK_TIMEOUT " + millis + "; SET QUERY_TIMEOUT " + millis;
            case SQLITE -> "PRAGMA busy_timeout = " + millis;
            case POSTGRESQL -> "SELECT set_config('lock_timeout', '" + millis + "', false), set_config('statement_timeout', '"
                    + millis + "', false)";
            case MARIADB -> "SET SESSION innodb_lock_wait_timeout = " + seconds + ", max_statement_time = " + fraction;
            case MYSQL -> "SET SESSION innodb_lock_wait_timeout = " + seconds + " /*M!100108 , max_statement_time = "
                    + fraction + " */";
        };
    }

    /** A database in a file (or in memory) of this process: a URI names a path, not a server. */
    boolean embedded() {
        return this == H2 || this == SQLITE;
    }

    String acceptedDrivers() {
        return driverNames.isEmpty() ? "none" : String.join(", ", driverNames.stream().sorted().toList());
    }
}
