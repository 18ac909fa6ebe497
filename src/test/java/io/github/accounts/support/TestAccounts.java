package io.github.accounts.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

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

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin_password";

    /** A request signed in as the bootstrap admin ({@code %test.accounts.admin.password}). */
    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** A request signed in as the given account. */
    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password);
    }

    /** The password {@link #create} gives an account. */
    public static String passwordOf(String username) {
        return "password-" + username;
    }

    public static long create(String username, int tokens) {
        return ((Number) asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", passwordOf(username), "tokens", tokens))
                .post("/accounts")
                .then().statusCode(201)
                .extract().path("id")).longValue();
    }

    public static long create(String username) {
        return create(username, 10);
    }
}
