package io.github.accounts.persistence;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Every wait has a bound (section 9): while another connection holds an account's row (SQLite: the write lock) in an
 * open transaction, a write to it answers 503 with Retry-After: 1 within the wait limit (5 s) plus a second, and
 * changes nothing. It runs on H2 here and on every other dialect through its subclasses.
 */
@QuarkusTest
public class WaitLimitTest {

    static final long WAIT_LIMIT_MILLIS = 5_000;

    @Inject
    DataSource dataSource;

    @Test
    void writesToARowAnotherTransactionHoldsShouldAnswer503WithinTheWaitLimit() throws Exception {
        long locked = create(uniqueName("locked"), 7);
        long other = create(uniqueName("other"), 7);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement hold = holder.prepareStatement("update accounts set tokens = tokens where id = ?")) {
                hold.setLong(1, locked);
                hold.executeUpdate();
            }
            assertBoundedUnavailable(() -> asAdmin().contentType("application/merge-patch+json")
                    .body(Map.of("tokens", 99)).patch("/accounts/" + locked));
            assertBoundedUnavailable(() -> asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("from", other, "to", locked, "amount", 1)).post("/transfers"));
            holder.rollback();
        }
        asAdmin().get("/accounts/" + locked).then().statusCode(200).body("tokens", equalTo(7));
        asAdmin().get("/accounts/" + other).then().statusCode(200).body("tokens", equalTo(7));
    }

    private static void assertBoundedUnavailable(Supplier<Response> call) {
        long start = System.nanoTime();
        Response answer = call.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertProblem(answer.then(), 503).header("Retry-After", "1");
        assertTrue(millis < WAIT_LIMIT_MILLIS + 1_000, "answered after " + millis + " ms");
    }
}
