package io.github.accounts.account;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole Account API suite on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class AccountResourcePostgresTest extends AccountResourceTest {

    @Test
    void engineShouldBeBuiltForPostgresql() {
        asAdmin().get("/engine").then().statusCode(200)
                .body("dialect", equalTo("postgresql"))
                .body("driver", equalTo("pgjdbc"))
                .body("url", equalTo("postgresql://postgres:***@127.0.0.1:5432/test"))
                .body(not(containsString(PostgresProfile.PASSWORD)));
    }
}
