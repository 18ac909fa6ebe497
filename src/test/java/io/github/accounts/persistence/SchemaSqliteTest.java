package io.github.accounts.persistence;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PlainSql;
import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * On SQLite the service stores rows the way the tutorial's SQLAlchemy code does, so both can read each other's: UTC
 * text timestamps with six fraction digits, booleans as 0 and 1, ids that are the rowid, a username that is unique.
 */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class SchemaSqliteTest extends SchemaTest {

    @Test
    void rowsShouldBeStoredAsSqlalchemyStoresThem() throws SQLException {
        long id = create(uniqueName("stored"));
        asAdmin().contentType(ContentType.JSON).body("{\"verified\":true}").patch("/accounts/" + id).then().statusCode(200);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT typeof(id), typeof(date_created), date_created,"
                        + " typeof(last_updated), last_updated, typeof(verified), verified FROM accounts WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertEquals("integer", row.getString(1));
                assertEquals("text", row.getString(2));
                assertTrue(row.getString(3).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), row.getString(3));
                assertEquals("text", row.getString(4));
                assertTrue(row.getString(5).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), row.getString(5));
                assertEquals("integer", row.getString(6));
                assertEquals(1, row.getInt(7));
            }
        }
    }

    @Test
    void timestampsOtherProgramsWroteShouldBeRead() throws SQLException {
        String sqlalchemy = insert("2026-11-25 10:15:30.123456");
        String serverDefault = insert("2026-11-28 06:17:24");
        String iso = insert("2026-11-28T06:17:24.5+01:00");
        String millis = insert("1764310644000");
        asAdmin().queryParam("username", sqlalchemy).get("/accounts").then().body("dateCreated[0]",
                equalTo("2026-11-25T10:15:30.123456Z"));
        asAdmin().queryParam("username", serverDefault).get("/accounts").then().body("dateCreated[0]",
                equalTo("2026-11-28T06:17:24Z"));
        asAdmin().queryParam("username", iso).get("/accounts").then().body("dateCreated[0]",
                equalTo("2026-11-28T05:17:24.500Z"));
        asAdmin().queryParam("username", millis).get("/accounts").then().body("dateCreated[0]",
                equalTo(Instant.ofEpochMilli(1764310644000L).toString()));
    }

    @Test
    void plainSqlInsertShouldGetTheCurrentTimeAsSqliteWritesIt() throws SQLException {
        String username = uniqueName("plain-time");
        PlainSql.insert(dataSource, Map.of("username", username, "password", "not-a-hash"));
        Instant created = Instant.parse(asAdmin().queryParam("username", username).get("/accounts").path("dateCreated[0]"));
        assertTrue(Math.abs(ChronoUnit.SECONDS.between(created, Instant.now())) < 5, created.toString());
    }

    @Test
    void usernameShouldBeUniqueInTheDatabaseItself() throws SQLException {
        String username = uniqueName("unique");
        create(username);
        assertThrows(SQLException.class, () -> PlainSql.insert(dataSource, Map.of("username", username, "password", "not-a-hash")));
    }

    private String insert(String dateCreated) throws SQLException {
        String username = uniqueName("foreign-time");
        PlainSql.insert(dataSource, Map.of("username", username, "password", "not-a-hash", "date_created", dateCreated));
        return username;
    }
}
