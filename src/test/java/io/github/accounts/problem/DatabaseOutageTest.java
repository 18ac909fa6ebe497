package io.github.accounts.problem;

import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.Problems;
import io.github.accounts.support.TcpProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * While the database cannot be reached, or reached but silent, the service answers 503 with Retry-After, within the
 * pool's acquisition timeout and the call itself, and it recovers by itself.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindProxy.class)
class DatabaseOutageTest {

    static final TcpProxy PROXY = new TcpProxy(5432);

    /** PostgreSQL through a proxy the test can cut, because only a real network failure shows what users will see. */
    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            PROXY.start();
            return Map.of("database.uri", "postgresql://postgres@127.0.0.1:" + PROXY.port() + "/test?connectTimeout=2");
        }
    }

    @Test
    void aDatabaseThatStopsAnsweringShouldAnswer503WithRetryAfterAndRecover() throws InterruptedException {
        long id = create(uniqueName("silent"));
        PROXY.silence();
        try {
            for (int i = 0; i < 3; i++) { // new connections hang: the pool's acquisition timeout ends each call
                Problems.assertProblem(asAdmin().get("/accounts/" + id).then(), 503).header("Retry-After", "1")
                        .time(lessThan(2500L));
            }
            asAdmin().get("/q/health/ready").then().statusCode(503).time(lessThan(2000L));
        } finally {
            PROXY.start();
        }
        assertRecovers(id);
    }

    @Test
    void unreachableDatabaseShouldAnswer503WithRetryAfterAndRecover() throws InterruptedException {
        long id = create(uniqueName("outage"));
        PROXY.stop();
        try {
            for (int i = 0; i < 3; i++) {
                Problems.assertProblem(asAdmin().get("/accounts/" + id).then(), 503).header("Retry-After", "1")
                        .time(lessThan(1500L)); // the pool's one-second acquisition timeout, and the call itself
            }
            Problems.assertProblem(asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("username", uniqueName("during"), "password", "password-1")).post("/accounts").then(), 503);
            asAdmin().get("/q/health/ready").then().statusCode(503).time(lessThan(2000L));
            asAdmin().get("/q/health/live").then().statusCode(200);
        } finally {
            PROXY.start();
        }
        assertRecovers(id);
    }

    private static void assertRecovers(long id) throws InterruptedException {
        int status = 0;
        for (int i = 0; i < 50 && status != 200; i++) {
            status = asAdmin().get("/accounts/" + id).statusCode();
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertEquals(200, status, "recovered without a restart");
        asAdmin().get("/accounts/" + id).then().statusCode(200).body("id", equalTo((int) id));
        asAdmin().get("/q/health/ready").then().statusCode(200);
    }
}
