package io.github.accounts.problem;

import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static io.github.accounts.support.TestAccounts.uniqueTokens;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.RawHttp;
import io.github.accounts.support.TestLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A few hundred malformed requests, seeded so a failure repeats: none may get a 5xx, none may leak internals, and the
 * service and its data are intact afterwards.
 */
@QuarkusTest
public class FuzzTest {

    private static final long SEED = 20261125L;
    private static final String[] ODD_VALUES = { "", " ", "%00", "%ZZ", "%", "'", "' OR '1'='1", "1; DROP TABLE accounts",
            "\u00e9\u00e8", "%E2%82%AC", "%FF%FE", "1e309", "-0", "0x10", "NaN", "Infinity", "true%00", "[]", "{}",
            "99999999999999999999999999", "-9223372036854775809", "9223372036854775807", "null", "%5B%5D", "a".repeat(5000) };
    private static final String[] KEYS = { "tokens", "id", "verified", "username", "limit", "after", "tokens[gte]",
            "tokens[[gte]]", "tokens[gte", "tokens]", "id[lt]", "verified[eq]", "username[ne]", "%00", "tokens%5Bgt%5D", "" };

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void malformedRequestsShouldNeverGet5xxAndShouldChangeNothing() {
        int tokens = uniqueTokens();
        String sentinel = uniqueName("sentinel");
        long id = create(sentinel, tokens);
        String before = asAdmin().get("/accounts/" + id).asString();

        for (int i = 0; i < 60; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            check("POST random bytes", json().body(bytes).post("/accounts"));
            check("PATCH random bytes", json().body(bytes).patch("/accounts/" + id + "x"));
        }
        check("deep nesting", json().body("[".repeat(100_000)).post("/accounts"));
        check("deep objects", json().body("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)).post("/accounts"));
        check("1 MB string", json().body("{\"username\":\"" + "x".repeat(1 << 20) + "\",\"password\":\"password-1\"}").post("/accounts"));
        check("1 MB array", json().body("[" + "1,".repeat(1 << 19) + "1]").post("/accounts"));
        check("1 MB patch", json().body("{\"password\":\"" + "p".repeat(1 << 20) + "\"}").patch("/accounts/" + id + "0"));
        check("invalid UTF-8", json().body(new byte[] { '{', '"', 'u', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' }).post("/accounts"));
        check("UTF-16", json().body("{\"username\":\"abcdef\",\"password\":\"password-1\"}".getBytes(StandardCharsets.UTF_16))
                .post("/accounts"));
        for (String value : List.of("1e400", "123456789012345678901234567890", "-1e400", "1.0", "true", "\"10\"", "[]", "{}", "null")) {
            check("tokens " + value, json().body("{\"username\":\"" + uniqueName("f") + "\",\"password\":\"password-1\",\"tokens\":" + value + "}")
                    .post("/accounts"));
            check("patch tokens " + value, json().body("{\"tokens\":" + value + "}").patch("/accounts/" + (id + 1_000_000)));
            check("echo " + value, json().body("{\"echo\":" + value + "}").put("/engine/echo"));
            check("array item " + value, json().body("[" + value + "]").post("/accounts"));
        }
        for (String key : KEYS) { // every odd value under every key: a NUL in a username filter is not random luck
            for (String value : ODD_VALUES) {
                checkRaw("GET", "/accounts?" + key + "=" + value);
            }
        }
        for (String path : List.of("%00", "..%2F..%2Fetc%2Fpasswd", "1%3B", "0x1", "1.5", " ", "%E2%82%AC", "me", "-0")) {
            checkRaw("GET", "/accounts/" + path.replace(" ", "%20"));
            checkRaw("DELETE", "/accounts/" + path.replace(" ", "%20"));
        }
        for (String header : List.of("garbage", "\"\"", "\"-1\"", "\"99999999999999999999\"", "W/", "*, \"1\"")) {
            check("If-Match " + header, asAdmin().contentType("application/merge-patch+json").header("If-Match", header)
                    .body("{\"tokens\":1}").patch("/accounts/" + id));
        }
        for (String type : List.of("application/json; charset=latin1", "application/merge-patch+json", "application/xml",
                "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*")) {
            checkRaw("POST", "/accounts", type, "{\"username\":1}".getBytes(StandardCharsets.UTF_8));
        }

        assertTrue(sent >= 300, "sent " + sent);
        assertEquals(List.of(), failures);
        asAdmin().get("/q/health/ready").then().statusCode(200);
        assertEquals(before.replaceAll("\"tokens\":\\d+", ""), asAdmin().get("/accounts/" + id).asString().replaceAll("\"tokens\":\\d+", ""));
        asAdmin().queryParam("tokens", tokens).get("/accounts").then().statusCode(200).body("username", contains(sentinel));
        System.out.printf("fuzz: %d malformed requests, no 5xx%n", sent);
    }

    @Test
    void aClientHangingUpMidBodyShouldNotBeLoggedAsAnError() throws Exception {
        long id = create(uniqueName("abandoned"), uniqueTokens());
        long start = TestLog.end();
        for (int i = 0; i < 5; i++) {
            RawHttp.abandon("PATCH", "/accounts/" + id, 1000, "{\"tokens\":".getBytes(StandardCharsets.UTF_8));
            RawHttp.abandon("POST", "/accounts", 1000, "[{\"username\":".getBytes(StandardCharsets.UTF_8));
        }
        asAdmin().get("/accounts/" + id).then().statusCode(200);
        String log = TestLog.awaitSince(start, "the request body was cut short", 10, Duration.ofSeconds(10));
        assertFalse(log.contains("ERROR"), log);
    }

    private static RequestSpecification json() {
        return asAdmin().contentType("application/json");
    }

    private void checkRaw(String method, String target) {
        checkRaw(method, target, null, new byte[0]);
    }

    private void checkRaw(String method, String target, String contentType, byte[] body) {
        try {
            String[] response = RawHttp.send(method, target, contentType, body);
            record(method + " " + target, Integer.parseInt(response[0]), response[1]);
        } catch (IOException | NumberFormatException e) {
            failures.add(method + " " + target + " -> " + e);
        }
    }

    private void check(String what, Response response) {
        record(what, response.statusCode(), response.asString());
    }

    private void record(String what, int status, String body) {
        sent++;
        if (status >= 500 || body.contains("Exception") || body.contains("\tat ") || body.contains("io.github")) {
            failures.add(what.substring(0, Math.min(what.length(), 80)) + " -> " + status + " "
                    + body.substring(0, Math.min(body.length(), 200)));
        }
    }
}
