package io.github.accounts.persistence;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.ScratchPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * After a failover, the pool's open connections lead to the old primary, now a standby, where every write fails with
 * 25006 (pgJDBC picks a host only when it opens a connection). A write that meets a read-only server is a 503, and the
 * pool lets go of its connections, so that the next calls open new ones, to whichever server is the primary now.
 * Played on a scratch cluster: every open session turns read-only (ALTER SYSTEM and a reload), new sessions write (a
 * database-level setting only they pick up).
 */
@QuarkusTest
@TestProfile(DemotedServerTest.OnScratchPostgres.class)
class DemotedServerTest {

    public static class OnScratchPostgres implements QuarkusTestProfile {
        /** One connection, so that the write after the demotion surely meets a session opened before it. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("database.uri", ScratchPostgres.uri(), "quarkus.datasource.jdbc.max-size", "1");
        }
    }

    @Test
    void aWriteThatMeetsAReadOnlyServerShouldBe503AndLaterWritesShouldGoToAWritableOne() throws Exception {
        long id = create(uniqueName("demoted"), 10);
        try (Connection before = ScratchPostgres.connect()) {
            ScratchPostgres.sql("ALTER DATABASE postgres SET default_transaction_read_only = off",
                    "ALTER SYSTEM SET default_transaction_read_only = on", "SELECT pg_reload_conf()");
            awaitReadOnly(before); // the reload reaches the sessions a moment later
        }
        try {
            assertProblem(patch(id, 11).then(), 503).header("Retry-After", "1");
            List<Integer> after = new ArrayList<>();
            for (int i = 0; i < 5 && !after.contains(200); i++) {
                after.add(patch(id, 12 + i).statusCode());
            }
            assertEquals(200, after.get(after.size() - 1), "writes after the demotion: " + after);
        } finally {
            ScratchPostgres.sql("ALTER SYSTEM RESET default_transaction_read_only", "SELECT pg_reload_conf()");
        }
    }

    private static void awaitReadOnly(Connection session) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (ResultSet setting = session.createStatement().executeQuery("SHOW default_transaction_read_only")) {
                if (setting.next() && setting.getString(1).equals("on")) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sessions opened before never turned read-only");
    }

    private static Response patch(long id, int tokens) {
        return asAdmin().contentType("application/merge-patch+json").body(Map.of("tokens", tokens))
                .patch("/accounts/" + id);
    }
}
