package io.github.accounts.security;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.as;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.accounts.support.PlainSql;
import io.github.accounts.support.TestLog;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Rows other programs wrote hold whatever they store as a password. A bcrypt hash under any prefix signs in (Python's
 * bcrypt writes {@code $2b$}); anything else never does, and answers like a wrong password: a 401, never a 5xx, counted
 * by the lockout, and logged once per account with its id, never its value. It runs on every database (subclasses).
 */
@QuarkusTest
public class ForeignHashesTest {

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

    @Test
    void aPlainTextPasswordShouldBeReportedOnceAndCountedByTheLockout() throws Exception {
        String stored = "plain-" + uniqueName("secret");
        String username = insert(stored);
        long start = TestLog.end();
        for (int i = 0; i < 10; i++) {
            assertProblem(as(username, stored).get("/accounts/me").then(), 401);
        }
        assertProblem(as(username, stored).get("/accounts/me").then(), 429);
        Object id = asAdmin().queryParam("username", username).get("/accounts").path("id[0]");
        String log = TestLog.since(start);
        assertEquals(1, log.split("Account " + id + " has a stored password that is no bcrypt hash", -1).length - 1, log);
        assertFalse(log.contains(stored), "the stored value is never logged");
    }

    private String insert(String password) throws SQLException {
        String username = uniqueName("foreign");
        PlainSql.insert(dataSource, Map.of("username", username, "password", password));
        return username;
    }
}
