package io.github.accounts.transfer;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A transaction the database refuses at {@code COMMIT}, as a Galera cluster does when another node committed a
 * conflicting write first (1213/40001 at commit), or as a primary that goes away does (08006): the error reaches the
 * service only as a suppressed exception of the transaction manager's {@code RollbackException}. A conflict is retried
 * like any other; one that outlasts the retries is a 503; never a 500. Played on PostgreSQL by a deferred constraint
 * trigger that fails the next commits of a transfer with serialization_failure (a sequence counts them: it is not
 * rolled back with the transaction it fails).
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class CommitTimeConflictPostgresTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void failCommitsOfTransfers() throws Exception {
        sql("CREATE SEQUENCE IF NOT EXISTS commits_to_fail",
                """
                CREATE OR REPLACE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF nextval('commits_to_fail') <= 0 THEN
                    RAISE EXCEPTION 'conflict at commit' USING ERRCODE = '40001';
                  END IF;
                  RETURN NULL;
                END $$""",
                "DROP TRIGGER IF EXISTS fail_at_commit ON transfers",
                "CREATE CONSTRAINT TRIGGER fail_at_commit AFTER INSERT ON transfers DEFERRABLE INITIALLY DEFERRED"
                        + " FOR EACH ROW EXECUTE FUNCTION fail_at_commit()");
    }

    @AfterEach
    void commitAgain() throws Exception {
        sql("DROP TRIGGER IF EXISTS fail_at_commit ON transfers", "DROP FUNCTION IF EXISTS fail_at_commit()",
                "DROP SEQUENCE IF EXISTS commits_to_fail");
    }

    @Test
    void aConflictAtCommitShouldBeRetried() throws Exception {
        failNextCommits(2);
        long from = create(uniqueName("commit-from"), 10), to = create(uniqueName("commit-to"), 10);
        transfer(from, to).then().statusCode(201);
        asAdmin().get("/accounts/" + from).then().body("tokens", equalTo(9));
        asAdmin().get("/accounts/" + to).then().body("tokens", equalTo(11));
        asAdmin().get("/accounts/" + from + "/transfers").then().body("size()", equalTo(1));
    }

    @Test
    void conflictsAtCommitThatOutlastTheRetriesShouldBe503AndChangeNothing() throws Exception {
        failNextCommits(1_000);
        long from = create(uniqueName("commit-from"), 10), to = create(uniqueName("commit-to"), 10);
        assertProblem(transfer(from, to).then(), 503).header("Retry-After", "1");
        asAdmin().get("/accounts/" + from).then().body("tokens", equalTo(10));
        asAdmin().get("/accounts/" + to).then().body("tokens", equalTo(10));
        asAdmin().get("/accounts/" + from + "/transfers").then().body("size()", equalTo(0));
    }

    private static Response transfer(long from, long to) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("from", from, "to", to, "amount", 1)).post("/transfers");
    }

    /** The next {@code count} commits that add a transfer fail; the ones after succeed. */
    private void failNextCommits(int count) throws Exception {
        sql("ALTER SEQUENCE commits_to_fail MINVALUE " + (1 - count) + " RESTART WITH " + (1 - count));
    }

    private void sql(String... statements) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
