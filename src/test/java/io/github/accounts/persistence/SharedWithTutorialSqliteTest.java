package io.github.accounts.persistence;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The tutorial's own database, SQLite: one file, the service and SQLAlchemy writing it in turn. */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class SharedWithTutorialSqliteTest extends SharedWithTutorialTest {

    SharedWithTutorialSqliteTest() {
        super(SqliteProfile.URI);
    }

    /**
     * Another program holds SQLite's one write lock for longer than the service waits for it (5 s): reads go on, a
     * write is answered 503 with Retry-After and changes nothing, and once the lock is released writes succeed.
     */
    @Test
    void aProgramHoldingTheWriteLockShouldGetAWriteA503NeverA500() throws Exception {
        long id = create(uniqueName("busy"), 1);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:target/accounts-test.db");
                Statement sql = other.createStatement()) {
            other.setAutoCommit(false);
            sql.executeUpdate("UPDATE accounts SET tokens = tokens WHERE id = " + id);
            asAdmin().get("/accounts/" + id).then().statusCode(200).body("tokens", equalTo(1));
            assertProblem(asAdmin().contentType(ContentType.JSON).body("{\"tokens\":2}").patch("/accounts/" + id).then(), 503)
                    .header("Retry-After", "1");
            other.rollback();
        }
        asAdmin().get("/accounts/" + id).then().statusCode(200).body("tokens", equalTo(1));
        asAdmin().contentType(ContentType.JSON).body("{\"tokens\":2}").patch("/accounts/" + id).then().statusCode(200);
    }
}
