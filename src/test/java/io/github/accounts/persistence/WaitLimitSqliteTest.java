package io.github.accounts.persistence;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The wait limit on SQLite, where a transaction waits for the write lock when it begins (BEGIN IMMEDIATE). */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class WaitLimitSqliteTest extends WaitLimitTest {

    /**
     * A transaction whose BEGIN waited out the limit must not go on without one: when the lock is free again a moment
     * later, its statements would each commit on their own, and the client be told that nothing changed.
     */
    @Test
    void aTransferWhoseBeginWaitedTooLongShouldAnswerWhatItDid() throws Exception {
        long from = create(uniqueName("begin-from"), 7);
        long to = create(uniqueName("begin-to"), 7);
        CompletableFuture<Response> transfer;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement hold = holder.prepareStatement("update accounts set tokens = tokens where id = ?")) {
                hold.setLong(1, from);
                hold.executeUpdate();
            }
            transfer = CompletableFuture.supplyAsync(() -> asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("from", from, "to", to, "amount", 1)).post("/transfers"));
            Thread.sleep(WAIT_LIMIT_MILLIS + 500); // the transfer's BEGIN has given up; its next wait has not
            holder.rollback();
        }
        Response answer = transfer.get();
        int fromTokens = asAdmin().get("/accounts/" + from).path("tokens");
        int toTokens = asAdmin().get("/accounts/" + to).path("tokens");
        if (answer.statusCode() == 201) {
            assertEquals("6 8", fromTokens + " " + toTokens, "answered 201: moved");
        } else {
            assertEquals("503 7 7", answer.statusCode() + " " + fromTokens + " " + toTokens,
                    "not 201: nothing moved (" + answer.body().asString() + ")");
        }
    }
}
