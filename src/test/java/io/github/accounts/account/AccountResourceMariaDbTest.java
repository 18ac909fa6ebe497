package io.github.accounts.account;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.MariaDbProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole Account API suite on MariaDB. */
@QuarkusTest
@TestProfile(MariaDbProfile.class)
class AccountResourceMariaDbTest extends AccountResourceTest {

    @Test
    void engineShouldBeBuiltForMariadb() {
        asAdmin().get("/engine").then().statusCode(200)
                .body("dialect", equalTo("mariadb"))
                .body("driver", equalTo("mariadb-java-client"))
                .body("url", equalTo(MariaDbProfile.URI));
    }
}
