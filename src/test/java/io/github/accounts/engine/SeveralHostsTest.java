package io.github.accounts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.accounts.support.Ports;

/**
 * A URI with several hosts, in SQLAlchemy's form, reaches the first one that answers through the JDBC URL it becomes:
 * here the first names a port nobody listens on, the second the local server. Each driver's own failover does it.
 */
class SeveralHostsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql://postgres@/test?host=127.0.0.1:{dead}&host=127.0.0.1:5432&target_session_attrs=read-write | postgres | select inet_server_port()
            mariadb://root@/test?host=127.0.0.1:{dead}&host=127.0.0.1:3306                                        | root     | select @@port
            mysql://root@/test?host=127.0.0.1:{dead}&host=127.0.0.1:3306                                          | root     | select @@port
            """)
    void theFirstHostThatAnswersShouldBeUsed(String uri, String user, String portQuery) throws Exception {
        DatabaseUri parsed = DatabaseUri.parse(uri.replace("{dead}", Integer.toString(Ports.free())));
        try (Connection connection = DriverManager.getConnection(parsed.jdbcUrl(), user, "");
                ResultSet port = connection.createStatement().executeQuery(portQuery)) {
            port.next();
            assertEquals(parsed.hosts().get(1).port().get(), port.getInt(1), parsed.jdbcUrl());
        }
    }
}
