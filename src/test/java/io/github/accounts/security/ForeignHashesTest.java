package io.github.accounts.security;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.as;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.accounts.support.PlainSql;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Rows other programs wrote hold whatever they store as a password. A bcrypt hash under any prefix signs in (Python's
 * bcrypt writes {@code $2b$}); anything else never does, and answers like a wrong password: a 401, never a 5xx.
 */
@QuarkusTest
class ForeignHashesTest {

    private static final String PASSWORD = "foreign-password";

    @Inject
    DataSource dataSource;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "$2a$", "$2b$", "$2y$" })
    void bcryptUnderAnyPrefixShouldSignIn(String prefix) throws SQLException {
        String username = insert(prefix + BcryptUtil.bcryptHash(PASSWORD, 4).substring(4));
        as(username, PASSWORD).get("/accounts/me").then().statusCode(200).body("username", equalTo(username));
        assertProblem(as(username, "not-" + PASSWORD).get("/accounts/me").then(), 401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { PASSWORD, "", "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dW",
            "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/", "$2a$10$tooShort", "$2x$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy" })
    void anythingElseShouldNeverSignIn(String stored) throws SQLException {
        String username = insert(stored);
        assertProblem(as(username, stored.isEmpty() ? PASSWORD : stored).get("/accounts/me").then(), 401);
        assertProblem(as(username, PASSWORD).get("/accounts/me").then(), 401);
    }

    private String insert(String password) throws SQLException {
        String username = uniqueName("foreign");
        PlainSql.insert(dataSource, Map.of("username", username, "password", password));
        return username;
    }
}
