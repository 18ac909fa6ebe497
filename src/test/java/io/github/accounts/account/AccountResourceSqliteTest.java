package io.github.accounts.account;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole Account API suite on SQLite. */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class AccountResourceSqliteTest extends AccountResourceTest {

    @Test
    void engineShouldBeBuiltForSqlite() {
        asAdmin().get("/engine").then().statusCode(200)
                .body("dialect", equalTo("sqlite"))
                .body("driver", equalTo("sqlite-jdbc"))
                .body("url", equalTo(SqliteProfile.URI));
    }
}
