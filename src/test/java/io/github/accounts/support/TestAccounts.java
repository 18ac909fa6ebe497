package io.github.accounts.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;

/** Each test arranges its own accounts over HTTP, with names and token counts no other test uses. */
public final class TestAccounts {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);

    private TestAccounts() {
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A token count far from every other test's, so filters on it see only this test's rows. */
    public static int uniqueTokens() {
        return 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000_000);
    }

    public static long create(String username, int tokens) {
        return ((Number) given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "password-" + username, "tokens", tokens))
                .post("/accounts")
                .then().statusCode(201)
                .extract().path("id")).longValue();
    }

    public static long create(String username) {
        return create(username, 10);
    }
}
