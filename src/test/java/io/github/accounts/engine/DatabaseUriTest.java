package io.github.accounts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.accounts.persistence.sqlite.SqliteDialect;

/** The URI grammar of section 2, table-driven: every example, drivers, encodings, parameters and bad URIs. */
class DatabaseUriTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            h2:///data/accounts                                 | h2         | jdbc:h2:./data/accounts;WRITE_DELAY=0
            h2:////var/lib/app/accounts                         | h2         | jdbc:h2:/var/lib/app/accounts;WRITE_DELAY=0
            h2:///:memory:                                      | h2         | jdbc:h2:mem:accounts;DB_CLOSE_DELAY=-1
            h2:///data/accounts?MODE=PostgreSQL                 | h2         | jdbc:h2:./data/accounts;MODE=PostgreSQL;WRITE_DELAY=0
            h2:///data/accounts?WRITE_DELAY=500                 | h2         | jdbc:h2:./data/accounts;WRITE_DELAY=500
            sqlite:///sqlalchemy-tutorial.db                    | sqlite     | jdbc:sqlite:sqlalchemy-tutorial.db?foreign_keys=true&journal_mode=WAL&transaction_mode=IMMEDIATE
            sqlite:///data/accounts.db                          | sqlite     | jdbc:sqlite:data/accounts.db?foreign_keys=true&journal_mode=WAL&transaction_mode=IMMEDIATE
            sqlite:////var/lib/app/accounts.db                  | sqlite     | jdbc:sqlite:/var/lib/app/accounts.db?foreign_keys=true&journal_mode=WAL&transaction_mode=IMMEDIATE
            sqlite://                                           | sqlite     | jdbc:sqlite::memory:?foreign_keys=true&journal_mode=WAL&transaction_mode=IMMEDIATE
            sqlite:///:memory:                                  | sqlite     | jdbc:sqlite::memory:?foreign_keys=true&journal_mode=WAL&transaction_mode=IMMEDIATE
            sqlite+pysqlite:///tutorial.db?busy_timeout=60000   | sqlite     | jdbc:sqlite:tutorial.db?busy_timeout=60000&foreign_keys=true&journal_mode=WAL&transaction_mode=IMMEDIATE
            sqlite+aiosqlite:///tutorial.db?journal_mode=DELETE | sqlite     | jdbc:sqlite:tutorial.db?foreign_keys=true&journal_mode=DELETE&transaction_mode=IMMEDIATE
            postgresql://scott:tiger@localhost:5432/test        | postgresql | jdbc:postgresql://localhost:5432/test
            postgres://scott:tiger@localhost/test               | postgresql | jdbc:postgresql://localhost/test
            postgresql+psycopg2://scott:tiger@db:5432/test      | postgresql | jdbc:postgresql://db:5432/test
            postgresql://u@[::1]:5432/test?sslmode=require      | postgresql | jdbc:postgresql://[::1]:5432/test?sslmode=require
            mysql://root@127.0.0.1:3306/test                    | mysql      | jdbc:mysql://127.0.0.1:3306/test
            mysql+pymysql://root@127.0.0.1:3306/test?useSSL=false | mysql    | jdbc:mysql://127.0.0.1:3306/test?useSSL=false
            mariadb://root@127.0.0.1:3306/test                  | mariadb    | jdbc:mariadb://127.0.0.1:3306/test
            mariadb+mariadbconnector://root@127.0.0.1/test      | mariadb    | jdbc:mariadb://127.0.0.1/test
            """)
    void everyExampleShouldMapToItsDialectAndJdbcUrl(String uri, String dbKind, String jdbcUrl) {
        DatabaseUri parsed = DatabaseUri.parse(uri);
        assertEquals(dbKind, parsed.dialect().dbKind());
        assertEquals(jdbcUrl, parsed.jdbcUrl());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql+psycopg2  | postgresql
            postgresql+psycopg   | postgresql
            postgresql+asyncpg   | postgresql
            postgresql+pg8000    | postgresql
            mysql+pymysql        | mysql
            mysql+mysqldb        | mysql
            mysql+mysqlconnector | mysql
            mariadb+mariadbconnector | mariadb
            mariadb+pymysql      | mariadb
            """)
    void everyPythonDriverNameShouldMeanTheStandardJdbcDriver(String scheme, String dbKind) {
        DatabaseUri parsed = DatabaseUri.parse(scheme + "://u:p@host/db");
        assertEquals(dbKind, parsed.dialect().dbKind());
        assertTrue(parsed.jdbcUrl().startsWith("jdbc:" + dbKind + "://host/db"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql://scott:p%40ss@localhost/test         | scott   | p@ss
            postgresql://sc%3Aott:a%2Fb%3Ac@localhost/test   | sc:ott  | a/b:c
            postgresql://scott:p+s@localhost/test            | scott   | p+s
            postgresql://scott:p%C3%A4ss@localhost/test      | scott   | päss
            postgresql://scott:p@ss@localhost/test           | scott   | p@ss
            """)
    void credentialsShouldBePercentDecoded(String uri, String username, String password) {
        DatabaseUri parsed = DatabaseUri.parse(uri);
        assertEquals(Optional.of(username), parsed.username());
        assertEquals(Optional.of(password), parsed.password());
        assertEquals("localhost", parsed.host());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "postgresql://scott:tiger@localhost:5432/test", "postgresql://scott:p%40ss@localhost/test",
            "mysql://root:secret@127.0.0.1/test?password=secret2" })
    void toStringShouldNeverShowThePassword(String uri) {
        String shown = DatabaseUri.parse(uri).toString();
        assertFalse(shown.contains("tiger") || shown.contains("p@ss") || shown.contains("p%40ss") || shown.contains("secret"),
                shown);
        assertTrue(shown.contains(":***@"), shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql://scott:tiger@localhost:5432/test | postgresql://scott:***@localhost:5432/test
            postgres://scott@localhost/test              | postgresql://scott@localhost/test
            h2:///:memory:                               | h2:///:memory:
            sqlite:///sqlalchemy-tutorial.db             | sqlite:///sqlalchemy-tutorial.db
            sqlite+pysqlite:////var/lib/app/accounts.db  | sqlite+pysqlite:////var/lib/app/accounts.db
            sqlite://                                    | sqlite://
            sqlite:///:memory:                           | sqlite:///:memory:
            """)
    void toStringShouldReadLikeSqlalchemysRepr(String uri, String shown) {
        assertEquals(shown, DatabaseUri.parse(uri).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql://h/db?sslmode=require&connectTimeout=10 | sslmode=require&connectTimeout=10
            postgresql://h/db?application_name=a%20b            | application_name=a%20b
            """)
    void queryParametersShouldBePassedToTheDriver(String uri, String expected) {
        DatabaseUri parsed = DatabaseUri.parse(uri);
        assertEquals("jdbc:postgresql://h/db?" + expected, parsed.jdbcUrl());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                        | database.uri is empty
            localhost:5432/test                       | database.uri 'localhost:5432/test' is not of the form dialect[+driver]://
            oracle://scott:tiger@localhost/test       | database.uri unknown dialect 'oracle' in 'oracle://scott:***@localhost/test'
            sqlite3:///data.db                        | database.uri unknown dialect 'sqlite3' in 'sqlite3:///data.db'; use one of h2, sqlite, postgresql
            sqlite+pysqlcipher:///data.db             | database.uri unknown driver 'pysqlcipher' for dialect sqlite in 'sqlite+pysqlcipher:///data.db'; leave it out or use one of: aiosqlite, jdbc, pysqlite
            sqlite://localhost/data.db                | database.uri names a server in 'sqlite://localhost/data.db', but SQLite is a file: sqlite:///relative.db, sqlite:////absolute.db, or sqlite:// in memory
            sqlite://scott:tiger@/data.db             | database.uri names a server in 'sqlite://scott:***@/data.db', but SQLite is a file
            postgresql+odbc://scott:tiger@h/test      | database.uri unknown driver 'odbc' for dialect postgresql in 'postgresql+odbc://scott:***@h/test'
            mysql+psycopg2://root@h/test              | database.uri unknown driver 'psycopg2' for dialect mysql
            postgresql://scott:tiger@h:99999/test     | database.uri has port '99999', which is not a number from 1 to 65535
            postgresql://scott:tiger@h:abc/test       | database.uri has port 'abc'
            postgresql://scott:tiger@h:5432           | database.uri names no database in 'postgresql://scott:***@h:5432'
            postgresql:///test                        | database.uri names no host
            postgresql://:tiger@h/test                | database.uri names a password but no username
            postgresql://scott:ti%2ger@h/test         | database.uri has a broken percent-escape in its password in 'postgresql://scott:***@h/test'
            postgresql://scott@h/test?sslmode         | database.uri has a query parameter 'sslmode' that is not key=value
            h2://                                     | database.uri names no database
            """)
    void unusableUrisShouldFailWithOneLineThatNamesTheProblem(String uri, String messageStart) {
        InvalidDatabaseUriException e = assertThrows(InvalidDatabaseUriException.class, () -> DatabaseUri.parse(uri));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertFalse(e.getMessage().contains("tiger"), "no password");
    }

    @Test
    void sqliteBuildsShouldUseTheDialectThatStoresRowsAsSqlalchemyDoes() {
        assertEquals(SqliteDialect.class.getName(),
                Dialect.SQLITE.buildSettings().get("quarkus.hibernate-orm.dialect"));
        assertTrue(Dialect.POSTGRESQL.buildSettings().isEmpty());
    }
}
