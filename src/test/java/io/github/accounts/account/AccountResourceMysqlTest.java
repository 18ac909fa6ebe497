package io.github.accounts.account;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.MysqlProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole Account API suite built for MySQL, against MariaDB's server (see {@link MysqlProfile}). */
@QuarkusTest
@TestProfile(MysqlProfile.class)
class AccountResourceMysqlTest extends AccountResourceTest {

    @Test
    void engineShouldBeBuiltForMysql() {
        asAdmin().get("/engine").then().statusCode(200)
                .body("dialect", equalTo("mysql"))
                .body("driver", equalTo("mysql-connector-j"))
                .body("url", equalTo(MysqlProfile.URI));
    }
}
