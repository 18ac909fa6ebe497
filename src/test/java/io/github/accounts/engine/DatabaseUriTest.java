package io.github.accounts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
            postgresql://u@/test?host=h1:5432&host=h2:5433&target_session_attrs=read-write | postgresql | jdbc:postgresql://h1:5432,h2:5433/test?targetServerType=primary
            postgresql+psycopg2://u:p@/test?host=h1&host=h2:5433 | postgresql | jdbc:postgresql://h1,h2:5433/test
            postgresql://u@/test?host=h1&target_session_attrs=primary | postgresql | jdbc:postgresql://h1/test?targetServerType=primary
            postgresql://u@/test?host=h1&host=h2&target_session_attrs=any | postgresql | jdbc:postgresql://h1,h2/test?targetServerType=any
            postgresql://u@/test?host=h1&host=h2&target_session_attrs=standby | postgresql | jdbc:postgresql://h1,h2/test?targetServerType=secondary
            postgresql://u@/test?host=h1&host=h2&target_session_attrs=read-only | postgresql | jdbc:postgresql://h1,h2/test?targetServerType=secondary
            postgresql://u@/test?host=h1&host=h2&target_session_attrs=prefer-standby | postgresql | jdbc:postgresql://h1,h2/test?targetServerType=preferSecondary
            postgresql://u@/test?sslmode=require&host=[::1]:5432&host=h2 | postgresql | jdbc:postgresql://[::1]:5432,h2/test?sslmode=require
            postgresql://u@h1:5432,h2:5433/test                 | postgresql | jdbc:postgresql://h1:5432,h2:5433/test
            mariadb://root@/test?host=n1:3307&host=n2:3308&host=n3:3309 | mariadb | jdbc:mariadb:sequential://n1:3307,n2:3308,n3:3309/test
            mariadb://root@n1:3307,n2:3308/test?connectTimeout=2000 | mariadb | jdbc:mariadb:sequential://n1:3307,n2:3308/test?connectTimeout=2000
            mysql://root@/test?host=n1:3307&host=n2:3308         | mysql      | jdbc:mysql://n1:3307,n2:3308/test?failOverReadOnly=false
            mysql://root@/test?host=n1&host=n2&failOverReadOnly=true | mysql  | jdbc:mysql://n1,n2/test?failOverReadOnly=true
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
        assertEquals(List.of(new DatabaseUri.Host("localhost", Optional.empty())), parsed.hosts());
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
            postgresql://u:pw@/test?host=h1:5432&host=h2:5433&target_session_attrs=read-write | postgresql://u:***@/test?host=h1:5432&host=h2:5433&target_session_attrs=read-write
            postgresql://u:pw@h1:5432,h2:5433/test       | postgresql://u:***@/test?host=h1:5432&host=h2:5433
            postgresql://u@/test?host=h1:5432            | postgresql://u@h1:5432/test
            mariadb://root@/test?host=n1:3307&host=n2:3308 | mariadb://root@/test?host=n1:3307&host=n2:3308
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
            postgresql://u:tiger@h0/test?host=h1&host=h2 | database.uri names hosts both before the database and as host= parameters in 'postgresql://u:***@h0/test?host=h1&host=h2'
            postgresql://u:tiger@/test?host=h1&host=  | database.uri names an empty host
            postgresql://u:tiger@h1,,h2/test          | database.uri names an empty host
            postgresql://u:tiger@:5432/test           | database.uri names an empty host
            postgresql://u:tiger@/test?host=h1:5x     | database.uri has port '5x'
            postgresql://u:tiger@/test?host=h1&target_session_attrs=leader | database.uri has target_session_attrs 'leader' in 'postgresql://u:***@/test?host=h1&target_session_attrs=leader'; use one of any, prefer-standby, primary, read-only, read-write, standby
            postgresql://u:tiger@/test?host=h1&target_session_attrs=any&targetServerType=any | database.uri names both target_session_attrs and targetServerType
            mariadb://root:tiger@/test?host=n1&target_session_attrs=read-write | database.uri has target_session_attrs in 'mariadb://root:***@/test?host=n1&target_session_attrs=read-write', which only PostgreSQL has; mariadb connects to the first host that answers
            postgresql://u:tiger@h/test?sslmode=require&sslmode=disable | database.uri repeats the query parameter 'sslmode' in 'postgresql://u:***@h/test?sslmode=require&sslmode=disable'; give it once
            sqlite:///data.db?host=h1                 | database.uri names a server in 'sqlite:///data.db?host=h1', but SQLite is a file
            h2://h1:9092,h2:9092/accounts             | database.uri names several hosts in 'h2://h1:9092,h2:9092/accounts', but h2 has one server
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
