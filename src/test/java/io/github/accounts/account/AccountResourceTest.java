package io.github.accounts.account;

import static io.github.accounts.support.Problems.assertInvalid;
import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static io.github.accounts.support.TestAccounts.uniqueTokens;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The Account API of section 4 over real HTTP. It runs on H2 here, on PostgreSQL, MariaDB, MySQL and SQLite through its
 * subclasses, and against the packaged jar through {@link AccountResourceIT}.
 */
@QuarkusTest
public class AccountResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void createShouldAnswer201WithLocationAndNeverThePassword() {
        String username = uniqueName("create");
        Response response = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "s3cret-password"))
                .post("/accounts");
        response.then().statusCode(201)
                .header("Location", endsWith("/accounts/" + response.path("id")))
                .header("ETag", notNullValue())
                .body("username", equalTo(username))
                .body("tokens", equalTo(10))
                .body("verified", equalTo(false))
                .body("dateCreated", notNullValue())
                .body("lastUpdated", notNullValue())
                .body("$", not(hasKey("password")))
                .body(not(containsString("s3cret")))
                .body(not(containsString("$2a$")));
        assertTrue(response.<String>path("dateCreated").endsWith("Z"), "ISO-8601 UTC");
    }

    /** A client that keeps what a write answered must hold what a read answers: the timestamps as stored. */
    @Test
    void aWriteShouldAnswerTheTimestampsAReadAnswers() {
        Response created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", uniqueName("stamped"), "password", "s3cret-password")).post("/accounts");
        created.then().statusCode(201);
        Response read = asAdmin().get(created.header("Location"));
        assertEquals(read.<String>path("dateCreated"), created.<String>path("dateCreated"), "dateCreated");
        assertEquals(read.<String>path("lastUpdated"), created.<String>path("lastUpdated"), "lastUpdated");

        Response patched = asAdmin().contentType(MERGE_PATCH).body(Map.of("tokens", 11)).patch(created.header("Location"));
        patched.then().statusCode(200);
        assertEquals(asAdmin().get(created.header("Location")).<String>path("lastUpdated"),
                patched.<String>path("lastUpdated"), "lastUpdated after a PATCH");
    }

    /** A client's cached Location, an ETag or a log line must never come to name another account. */
    @Test
    void anIdShouldNeverBeHandedOutTwice() {
        long deleted = create(uniqueName("newest"));
        asAdmin().delete("/accounts/" + deleted).then().statusCode(204);
        long next = create(uniqueName("next"));
        assertTrue(next > deleted, "got id " + next + " after the newest, " + deleted + ", was deleted");
    }

    @Test
    void createArrayShouldStoreAllInOrder() {
        String a = uniqueName("batch"), b = uniqueName("batch"), c = uniqueName("batch");
        asAdmin().contentType(ContentType.JSON)
                .body(List.of(Map.of("username", a, "password", "password-a"),
                        Map.of("username", b, "password", "password-b", "tokens", 3),
                        Map.of("username", c, "password", "password-c", "verified", true)))
                .post("/accounts")
                .then().statusCode(201)
                .body("username", contains(a, b, c))
                .body("tokens", contains(10, 3, 10))
                .body("verified", contains(false, false, true));
        asAdmin().queryParam("username", b).get("/accounts").then().statusCode(200).body("tokens", contains(3));
    }

    @Test
    void arrayWithOneBrokenItemShouldStoreNothing() {
        String a = uniqueName("atomic");
        assertInvalid(asAdmin().contentType(ContentType.JSON)
                .body(List.of(Map.of("username", a, "password", "password-a"), Map.of("username", "x", "password", "password-b")))
                .post("/accounts").then(), "[1].username");
        asAdmin().queryParam("username", a).get("/accounts").then().statusCode(200).body("$", empty());
    }

    @Test
    void arrayWithDuplicateUsernameShouldAnswer409AndStoreNothing() {
        String taken = uniqueName("taken");
        create(taken);
        String fresh = uniqueName("fresh");
        assertProblem(asAdmin().contentType(ContentType.JSON)
                .body(List.of(Map.of("username", fresh, "password", "password-a"), Map.of("username", taken, "password", "password-b")))
                .post("/accounts").then(), 409);
        asAdmin().queryParam("username", fresh).get("/accounts").then().statusCode(200).body("$", empty());

        String twice = uniqueName("twice");
        assertProblem(asAdmin().contentType(ContentType.JSON)
                .body(List.of(Map.of("username", twice, "password", "password-a"), Map.of("username", twice, "password", "password-b")))
                .post("/accounts").then(), 409);
        asAdmin().queryParam("username", twice).get("/accounts").then().statusCode(200).body("$", empty());
    }

    @Test
    void duplicateUsernameShouldAnswer409() {
        String username = uniqueName("dup");
        create(username);
        assertProblem(asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "another-password"))
                .post("/accounts").then(), 409)
                .body("type", equalTo("urn:accounts:problem:duplicate-username"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "id", "dateCreated", "lastUpdated", "nickname", "passwordHash" })
    void fieldsTheServiceOwnsOrDoesNotKnowShouldAnswer400NamingThem(String field) {
        Map<String, Object> body = Map.of("username", uniqueName("owned"), "password", "password-x", field, 7);
        assertInvalid(asAdmin().contentType(ContentType.JSON).body(body).post("/accounts").then(), field)
                .body("errors[0].message", equalTo("unknown field"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"password":"password-1"}                                      | username
            {"username":"ab","password":"password-1"}                      | username
            {"username":"has space","password":"password-1"}               | username
            {"username":"robert'); DROP TABLE accounts;--","password":"password-1"} | username
            {"username":"valid-name","password":"short"}                   | password
            {"username":"valid-name"}                                      | password
            {"username":"valid-name","password":"password-1","tokens":-1}  | tokens
            {"username":"valid-name","password":"password-1","tokens":"10"} | tokens
            {"username":"valid-name","password":"password-1","tokens":1.5} | tokens
            {"username":"valid-name","password":"password-1","tokens":99999999999999999999} | tokens
            {"username":"valid-name","password":"password-1","verified":"yes"} | verified
            {"username":"valid-name","password":"password-1","verified":1} | verified
            {"username":12345,"password":"password-1"}                     | username
            {"username":"valid-name","password":"ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ"} | password
            """)
    void brokenFieldRulesShouldAnswer400NamingTheField(String body, String field) {
        assertInvalid(asAdmin().contentType(ContentType.JSON).body(body).post("/accounts").then(), field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "{\"username\":", "not json", "[1,2", "{\"username\":\"abc\"}}", "42", "\"text\"", "null", "[]" })
    void malformedOrMisshapenBodiesShouldAnswer400(String body) {
        assertProblem(asAdmin().contentType(ContentType.JSON).body(body).post("/accounts").then(), 400);
    }

    @Test
    void wrongContentTypeShouldAnswer415() {
        assertProblem(asAdmin().contentType(ContentType.TEXT).body("username=abc").post("/accounts").then(), 415);
        long id = create(uniqueName("ct"));
        assertProblem(asAdmin().contentType(ContentType.XML).body("<tokens>1</tokens>").patch("/accounts/" + id).then(), 415);
    }

    @Test
    void getShouldAnswerTheAccountWithItsETag() {
        String username = uniqueName("get");
        long id = create(username, 42);
        asAdmin().get("/accounts/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo((int) id))
                .body("username", equalTo(username))
                .body("tokens", equalTo(42))
                .body("$", not(hasKey("password")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "999999999", "-1", "abc", "99999999999999999999999" })
    void unknownIdShouldAnswer404(String id) {
        assertProblem(asAdmin().get("/accounts/" + id).then(), 404);
        assertProblem(asAdmin().delete("/accounts/" + id).then(), 404);
        assertProblem(asAdmin().contentType(ContentType.JSON).body("{\"tokens\":1}").patch("/accounts/" + id).then(), 404);
    }

    @Test
    void equalityFiltersShouldBeAndedLikeFilterBy() {
        int tokens = uniqueTokens();
        String a = uniqueName("eq"), b = uniqueName("eq");
        create(a, tokens);
        long idB = create(b, tokens);
        asAdmin().contentType(ContentType.JSON).body("{\"verified\":true}").patch("/accounts/" + idB).then().statusCode(200);

        asAdmin().queryParam("tokens", tokens).get("/accounts").then().statusCode(200).body("username", contains(a, b));
        asAdmin().queryParam("tokens", tokens).queryParam("verified", true).get("/accounts").then().body("username", contains(b));
        asAdmin().queryParam("tokens", tokens).queryParam("verified", false).get("/accounts").then().body("username", contains(a));
        asAdmin().queryParam("username", a).queryParam("tokens", tokens).get("/accounts").then().body("username", contains(a));
        asAdmin().queryParam("username", a).queryParam("tokens", tokens + 1).get("/accounts").then().body("$", empty());
    }

    @Test
    void operatorFiltersShouldCompareLikeFilter() {
        int base = uniqueTokens();
        String low = uniqueName("op"), mid = uniqueName("op"), high = uniqueName("op");
        long idLow = create(low, base);
        create(mid, base + 10);
        create(high, base + 20);
        String range = "tokens[gte]=" + base + "&tokens[lte]=" + (base + 20);

        asAdmin().urlEncodingEnabled(false).get("/accounts?" + range + "&tokens[gt]=" + base).then().body("username", contains(mid, high));
        asAdmin().urlEncodingEnabled(false).get("/accounts?" + range + "&tokens[lt]=" + (base + 20)).then().body("username", contains(low, mid));
        asAdmin().urlEncodingEnabled(false).get("/accounts?" + range + "&tokens[ne]=" + (base + 10)).then().body("username", contains(low, high));
        asAdmin().urlEncodingEnabled(false).get("/accounts?" + range + "&tokens[eq]=" + (base + 10)).then().body("username", contains(mid));
        asAdmin().urlEncodingEnabled(false).get("/accounts?" + range + "&id[gt]=" + idLow).then().body("username", contains(mid, high));
        asAdmin().urlEncodingEnabled(false).get("/accounts?" + range + "&username[ne]=" + mid).then().body("username", contains(low, high));
        asAdmin().urlEncodingEnabled(false).get("/accounts?" + range + "&verified[eq]=false").then().body("username", contains(low, mid, high));
        asAdmin().urlEncodingEnabled(false).get("/accounts?" + "tokens%5Bgte%5D=" + base + "&tokens%5Blt%5D=" + (base + 10)).then().body("username", contains(low));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            colour=red               | colour
            tokens[like]=1           | tokens[like]
            verified[gt]=true        | verified[gt]
            username[lt]=b           | username[lt]
            tokens=ten               | tokens
            tokens=99999999999       | tokens
            id=1e3                   | id
            verified=yes             | verified
            limit=0                  | limit
            limit=1001               | limit
            limit=-5                 | limit
            after=abc                | after
            password=secret          | password
            """)
    void unknownFiltersOperatorsAndValuesShouldAnswer400(String query, String field) {
        assertInvalid(asAdmin().urlEncodingEnabled(false).get("/accounts?" + query).then(), field);
    }

    /** filter_by semantics: any text is a value to compare, and one no stored username holds matches nothing. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "a%09b", "a%00b", "%07", "line%0Abreak", "%E2%80%AE" })
    void anyUsernameValueShouldBeAFilterNotAnError(String value) {
        String username = uniqueName("filtered");
        long id = create(username);
        asAdmin().urlEncodingEnabled(false).get("/accounts?username=" + value).then().statusCode(200).body("$", empty());
        asAdmin().urlEncodingEnabled(false).get("/accounts?id=" + id + "&username%5Bne%5D=" + value).then().statusCode(200)
                .body("username", contains(username));
    }

    @Test
    void repeatedFilterShouldAnswer400() {
        assertInvalid(asAdmin().urlEncodingEnabled(false).get("/accounts?tokens=1&tokens=2").then(), "tokens");
    }

    @Test
    void limitOneShouldBeFirst() {
        int tokens = uniqueTokens();
        String first = uniqueName("first");
        create(first, tokens);
        create(uniqueName("first"), tokens);
        asAdmin().queryParam("tokens", tokens).queryParam("limit", 1).get("/accounts").then().statusCode(200)
                .body("username", contains(first))
                .header("Link", containsString("rel=\"next\""));
    }

    @Test
    void keysetPagesShouldWalkEveryRowOnceByIdFollowingLink() {
        int tokens = uniqueTokens();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(uniqueName("page"));
        }
        asAdmin().contentType(ContentType.JSON)
                .body(created.stream().map(u -> Map.of("username", u, "password", "password-" + u, "tokens", tokens)).toList())
                .post("/accounts").then().statusCode(201);

        List<String> seen = new ArrayList<>();
        String next = "/accounts?tokens=" + tokens + "&limit=3";
        int pages = 0;
        while (next != null) {
            Response page = asAdmin().urlEncodingEnabled(false).get(next);
            page.then().statusCode(200);
            seen.addAll(page.path("username"));
            next = nextLink(page.header("Link"));
            pages++;
        }
        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void nextLinkShouldKeepTheFilterAsWrittenAndSetThePageHoweverTheClientSpeltIt() {
        int tokens = uniqueTokens();
        String first = uniqueName("spelt");
        String second = uniqueName("spelt");
        create(first, tokens);
        create(second, tokens);
        // Brackets raw and encoded, and "limit" percent-encoded: it is still the page's limit, and is replaced.
        Response page = asAdmin().urlEncodingEnabled(false)
                .get("/accounts?tokens%5Bgte%5D=" + tokens + "&tokens[lte]=" + tokens + "&%6Cimit=1");
        page.then().statusCode(200).body("username", contains(first)).header("Link", endsWith("/accounts?tokens%5Bgte%5D="
                + tokens + "&tokens%5Blte%5D=" + tokens + "&after=" + page.path("[0].id") + "&limit=1>; rel=\"next\""));
        asAdmin().urlEncodingEnabled(false).get(nextLink(page.header("Link"))).then().statusCode(200)
                .body("username", contains(second)).header("Link", nullValue());
    }

    @Test
    void listWithoutLimitShouldServeAtMostOneHundred() {
        String prefix = uniqueName("hundred");
        List<Map<String, String>> accounts = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            accounts.add(Map.of("username", prefix + "-" + i, "password", "password-" + i));
        }
        asAdmin().contentType(ContentType.JSON).body(accounts).post("/accounts").then().statusCode(201);
        Response page = asAdmin().get("/accounts");
        page.then().statusCode(200).header("Link", containsString("rel=\"next\""));
        assertEquals(100, page.<List<?>>path("$").size());
    }

    @Test
    void patchShouldChangeOnlyTheGivenFieldsAndBumpTheETag() {
        String username = uniqueName("patch");
        long id = create(username, 5);
        String etag = asAdmin().get("/accounts/" + id).header("ETag");
        String newEtag = asAdmin().contentType(MERGE_PATCH).header("If-Match", etag)
                .body("{\"tokens\":6,\"verified\":true}")
                .patch("/accounts/" + id)
                .then().statusCode(200)
                .body("tokens", equalTo(6)).body("verified", equalTo(true)).body("username", equalTo(username))
                .body("$", not(hasKey("password")))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);
        asAdmin().get("/accounts/" + id).then().header("ETag", equalTo(newEtag)).body("tokens", equalTo(6));

        String renamed = uniqueName("renamed");
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", renamed, "password", "brand-new-password"))
                .patch("/accounts/" + id)
                .then().statusCode(200).body("username", equalTo(renamed)).body(not(containsString("brand-new")));
    }

    @Test
    void patchWithStaleIfMatchShouldAnswer412AndChangeNothing() {
        long id = create(uniqueName("stale"), 5);
        asAdmin().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"tokens\":6}").patch("/accounts/" + id)
                .then().statusCode(200);
        assertProblem(asAdmin().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"tokens\":7}")
                .patch("/accounts/" + id).then(), 412);
        assertProblem(asAdmin().contentType(MERGE_PATCH).header("If-Match", "W/\"1\"").body("{\"tokens\":7}")
                .patch("/accounts/" + id).then(), 412);
        assertInvalid(asAdmin().contentType(MERGE_PATCH).header("If-Match", "1").body("{\"tokens\":7}")
                .patch("/accounts/" + id).then(), "If-Match");
        asAdmin().get("/accounts/" + id).then().body("tokens", equalTo(6));
        asAdmin().contentType(MERGE_PATCH).header("If-Match", "*").body("{\"tokens\":8}").patch("/accounts/" + id)
                .then().statusCode(200).body("tokens", equalTo(8));
    }

    @Test
    void concurrentPatchesWithoutIfMatchShouldEachBeAppliedNeverA409() throws Exception {
        long id = create(uniqueName("unconditional"), 0);
        int clients = 8;
        int patches = 5;
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        ConcurrentWritesTest.inParallel(clients, client -> {
            for (int i = 0; i < patches; i++) {
                statuses.add(asAdmin().contentType(MERGE_PATCH).body("{\"tokens\":" + client + "}")
                        .patch("/accounts/" + id).statusCode());
            }
        });
        assertEquals(Collections.nCopies(clients * patches, 200), statuses);
        asAdmin().get("/accounts/" + id).then().header("ETag", equalTo("\"" + clients * patches + "\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"tokens":null}            | tokens
            {"username":null}          | username
            {"id":5}                   | id
            {"dateCreated":"2020-01-01T00:00:00Z"} | dateCreated
            {"lastUpdated":"2020-01-01T00:00:00Z"} | lastUpdated
            {"tokens":-3}              | tokens
            {"tokens":"many"}          | tokens
            {"username":"no spaces allowed"} | username
            {"password":"short"}       | password
            """)
    void badPatchShouldAnswer400AndChangeNothing(String body, String field) {
        String username = uniqueName("badpatch");
        long id = create(username, 5);
        assertInvalid(asAdmin().contentType(MERGE_PATCH).body(body).patch("/accounts/" + id).then(), field);
        asAdmin().get("/accounts/" + id).then().body("tokens", equalTo(5)).body("username", equalTo(username))
                .header("ETag", equalTo("\"0\""));
    }

    @Test
    void patchToATakenUsernameShouldAnswer409() {
        String taken = uniqueName("taken");
        create(taken);
        long id = create(uniqueName("mover"));
        assertProblem(asAdmin().contentType(MERGE_PATCH).body(Map.of("username", taken)).patch("/accounts/" + id).then(), 409);
    }

    @Test
    void deleteShouldAnswer204ThenTheAccountIsGone() {
        long id = create(uniqueName("delete"));
        asAdmin().delete("/accounts/" + id).then().statusCode(204);
        assertProblem(asAdmin().get("/accounts/" + id).then(), 404);
        assertProblem(asAdmin().delete("/accounts/" + id).then(), 404);
    }

    @Test
    void engineShouldShowTheDatabase() {
        asAdmin().get("/engine").then().statusCode(200)
                .body("dialect", notNullValue())
                .body("driver", notNullValue())
                .body("url", notNullValue())
                .body("echo", equalTo("false"));
    }

    @Test
    void unknownPathShouldAnswer404Problem() {
        assertProblem(asAdmin().get("/nothing-here").then(), 404);
        assertProblem(asAdmin().put("/accounts").then(), 405);
    }

    @Test
    void problemsShouldNotCarryAStackTraceOrValue() {
        assertInvalid(asAdmin().contentType(ContentType.JSON)
                .body("{\"username\":\"valid-name\",\"password\":\"hunter22-secret\",\"tokens\":\"x\"}")
                .post("/accounts").then(), "tokens")
                .body(not(containsString("hunter22")))
                .body("errors[0].message", equalTo("must be an integer"))
                .body("errors[0].field", not(nullValue()));
    }

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    static String nextLink(String link) {
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        if (!matcher.find()) {
            return null;
        }
        String url = matcher.group(1);
        return url.substring(url.indexOf("/accounts"));
    }
}
