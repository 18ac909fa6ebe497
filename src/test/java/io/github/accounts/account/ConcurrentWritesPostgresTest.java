package io.github.accounts.account;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Concurrent writers on PostgreSQL: row locks and MVCC as in production. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ConcurrentWritesPostgresTest extends ConcurrentWritesTest {

    /** A recently verified caller's patch is one statement there: it waits for the row's lock, then applies. */
    @Test
    void twentyClientsPatchingWithoutIfMatchShouldEachBeApplied() throws Exception {
        long id = create(uniqueName("patched"), 0);
        long before = version(id);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        inParallel(CLIENTS, client -> {
            for (int i = 0; i < INCREMENTS; i++) {
                statuses.add(asAdmin().contentType("application/merge-patch+json").body("{\"tokens\":" + client + "}")
                        .patch("/accounts/" + id).statusCode());
            }
        });
        assertEquals(Collections.nCopies(CLIENTS * INCREMENTS, 200), statuses);
        assertEquals(before + CLIENTS * INCREMENTS, version(id), "each patch changed the row once");
    }

    private static long version(long id) {
        return Long.parseLong(asAdmin().get("/accounts/" + id).header("ETag").replace("\"", ""));
    }
}
