package io.github.accounts.transfer;

import static io.github.accounts.support.Problems.assertInvalid;
import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.as;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.passwordOf;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Section 8 of the contract over real HTTP: transfers, their rules, who may move and see what, idempotent retries and
 * the ledger. It runs on H2 here and on every other dialect through its subclasses.
 */
@QuarkusTest
public class TransferResourceTest {

    @Test
    void giveGuestFiveOfAdminsTokensShouldMoveThemAndKeepTheTransfer() {
        long from = create(uniqueName("giver"), 20);
        long to = create(uniqueName("guest"), 10);

        Response created = transfer(asAdmin(), from, to, 5);
        created.then().statusCode(201)
                .header("Location", endsWith("/transfers/" + created.path("id")))
                .body("from", equalTo((int) from)).body("to", equalTo((int) to)).body("amount", equalTo(5))
                .body("dateCreated", notNullValue());
        int id = created.path("id");

        assertEquals(15, tokens(from));
        assertEquals(15, tokens(to));
        asAdmin().get("/transfers/" + id).then().statusCode(200).body("amount", equalTo(5)).body("from", equalTo((int) from))
                .body("dateCreated", equalTo(created.<String>path("dateCreated")));
        asAdmin().get("/accounts/" + from + "/transfers").then().statusCode(200).body("id", contains(id));
        asAdmin().get("/accounts/" + to + "/transfers").then().statusCode(200).body("id", contains(id));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"from":FROM,"to":TO,"amount":0}                 | amount
            {"from":FROM,"to":TO,"amount":-3}                | amount
            {"from":FROM,"to":TO,"amount":2147483648}        | amount
            {"from":FROM,"to":TO,"amount":1.5}               | amount
            {"from":FROM,"to":TO,"amount":"5"}               | amount
            {"from":FROM,"to":TO}                            | amount
            {"to":TO,"amount":5}                             | from
            {"from":FROM,"amount":5}                         | to
            {"from":FROM,"to":FROM,"amount":5}               | to
            {"from":FROM,"to":TO,"amount":5,"note":"hi"}     | note
            {"from":FROM,"to":TO,"amount":5,"id":9}          | id
            """)
    void aBrokenRuleShouldBeA400NamingTheFieldAndMoveNothing(String template, String field) {
        long from = create(uniqueName("rule-from"), 20);
        long to = create(uniqueName("rule-to"), 20);
        String body = template.replace("FROM", Long.toString(from)).replace("TO", Long.toString(to));
        assertInvalid(asAdmin().contentType(ContentType.JSON).body(body).post("/transfers").then(), field);
        assertNothingMoved(from, to, 20, 20);
    }

    @Test
    void aBodyThatIsNoTransferShouldBeA400() {
        assertProblem(asAdmin().contentType(ContentType.JSON).body("").post("/transfers").then(), 400);
        assertProblem(asAdmin().contentType(ContentType.JSON).body("[]").post("/transfers").then(), 400);
        assertProblem(asAdmin().contentType(ContentType.JSON).body("{\"from\":").post("/transfers").then(), 400);
        assertProblem(asAdmin().contentType(ContentType.TEXT).body("from=1").post("/transfers").then(), 415);
    }

    @Test
    void anAccountThatDoesNotExistShouldBeA404AndMoveNothing() {
        long account = create(uniqueName("lonely"), 20);
        assertProblem(transfer(asAdmin(), account, Long.MAX_VALUE, 5).then(), 404);
        assertProblem(transfer(asAdmin(), Long.MAX_VALUE, account, 5).then(), 404);
        assertEquals(20, tokens(account));
        asAdmin().get("/accounts/" + account + "/transfers").then().statusCode(200).body("$", empty());
    }

    @Test
    void notEnoughTokensShouldBeA409AndMoveNothing() {
        long from = create(uniqueName("poor"), 4);
        long to = create(uniqueName("rich"), 10);
        assertProblem(transfer(asAdmin(), from, to, 5).then(), 409)
                .body("type", equalTo("urn:accounts:problem:insufficient-tokens"));
        assertNothingMoved(from, to, 4, 10);
        transfer(asAdmin(), from, to, 4).then().statusCode(201);
        assertEquals(0, tokens(from));
    }

    @Test
    void aBalanceThatWouldOverflowShouldBeA409AndMoveNothing() {
        long from = create(uniqueName("giver"), 10);
        long to = create(uniqueName("full"), Integer.MAX_VALUE - 2);
        assertProblem(transfer(asAdmin(), from, to, 3).then(), 409).body("type", equalTo("urn:accounts:problem:too-many-tokens"));
        assertNothingMoved(from, to, 10, Integer.MAX_VALUE - 2);
        transfer(asAdmin(), from, to, 2).then().statusCode(201);
        assertEquals(Integer.MAX_VALUE, tokens(to));
    }

    @Test
    void aUserShouldMoveOnlyItsOwnTokensToAnyAccount() {
        String owner = uniqueName("owner");
        long own = create(owner, 20);
        long other = create(uniqueName("other"), 20);

        transfer(as(owner, passwordOf(owner)), own, other, 3).then().statusCode(201);
        assertProblem(transfer(as(owner, passwordOf(owner)), other, own, 3).then(), 404)
                .body("detail", equalTo("no account with id " + other));
        assertNothingMoved(own, other, 17, 23);
        assertProblem(transfer(io.restassured.RestAssured.given(), own, other, 1).then(), 401).header("WWW-Authenticate", notNullValue());
        assertProblem(transfer(as(owner, "wrong-password"), own, other, 1).then(), 401);
        assertNothingMoved(own, other, 17, 23);
    }

    @Test
    void aTransferAndALedgerShouldBeSeenOnlyByAdminsAndTheAccountsInvolved() {
        String sender = uniqueName("sender"), receiver = uniqueName("receiver"), stranger = uniqueName("stranger");
        long from = create(sender, 20), to = create(receiver, 20);
        create(stranger, 20);
        int id = transfer(as(sender, passwordOf(sender)), from, to, 2).then().statusCode(201).extract().path("id");

        as(sender, passwordOf(sender)).get("/transfers/" + id).then().statusCode(200);
        as(receiver, passwordOf(receiver)).get("/transfers/" + id).then().statusCode(200);
        assertProblem(as(stranger, passwordOf(stranger)).get("/transfers/" + id).then(), 404);
        assertProblem(as(stranger, passwordOf(stranger)).get("/transfers/" + Integer.MAX_VALUE).then(), 404);
        assertProblem(io.restassured.RestAssured.get("/transfers/" + id).then(), 401);

        as(receiver, passwordOf(receiver)).get("/accounts/" + to + "/transfers").then().statusCode(200).body("id", contains(id));
        assertProblem(as(stranger, passwordOf(stranger)).get("/accounts/" + from + "/transfers").then(), 404);
        assertProblem(as(receiver, passwordOf(receiver)).get("/accounts/" + from + "/transfers").then(), 404);
        assertProblem(asAdmin().get("/accounts/" + Long.MAX_VALUE + "/transfers").then(), 404);
    }

    @Test
    void theSameKeyAndBodyShouldAnswerTheOriginalTransferAndMoveNothingMore() {
        long from = create(uniqueName("retry-from"), 20), to = create(uniqueName("retry-to"), 20);
        String key = uniqueName("key");
        Response first = transfer(asAdmin().header("Idempotency-Key", key), from, to, 5);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response again = transfer(asAdmin().header("Idempotency-Key", key), from, to, 5);
        again.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.<Integer>path("id")))
                .body("dateCreated", equalTo(asAdmin().get(first.header("Location")).<String>path("dateCreated")));
        assertNothingMoved(from, to, 15, 25);

        assertProblem(transfer(asAdmin().header("Idempotency-Key", key), from, to, 6).then(), 409)
                .body("type", equalTo("urn:accounts:problem:idempotency-key-reused"));
        assertNothingMoved(from, to, 15, 25);
    }

    @Test
    void aKeyShouldBeOneCallersOwn() {
        String owner = uniqueName("keyed");
        long own = create(owner, 20), other = create(uniqueName("keyed-to"), 20);
        String key = uniqueName("shared-key");
        int byAdmin = transfer(asAdmin().header("Idempotency-Key", key), own, other, 1).then().statusCode(201).extract().path("id");
        int byOwner = transfer(as(owner, passwordOf(owner)).header("Idempotency-Key", key), own, other, 1)
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertEquals(false, byAdmin == byOwner);
        assertNothingMoved(own, other, 18, 22);
    }

    /** (An empty header is no key at all, as for Quarkus REST; an HTTP client sends no byte beyond ASCII in a header.) */
    @ParameterizedTest
    @CsvSource({ "129 characters", "a tab\there" })
    void aKeyThatIsNotPrintableAsciiUpTo128CharactersShouldBeA400(String key) {
        long from = create(uniqueName("k-from"), 20), to = create(uniqueName("k-to"), 20);
        String sent = key.startsWith("129") ? "x".repeat(129) : key;
        assertInvalid(transfer(asAdmin().header("Idempotency-Key", sent), from, to, 1).then(), "Idempotency-Key");
        assertNothingMoved(from, to, 20, 20);
        String longest = (uniqueName("longest") + "k".repeat(128)).substring(0, 128);
        transfer(asAdmin().header("Idempotency-Key", longest), from, to, 1).then().statusCode(201);
    }

    @Test
    void concurrentRetriesWithOneKeyShouldMoveTokensOnce() throws Exception {
        long from = create(uniqueName("race-from"), 100), to = create(uniqueName("race-to"), 0);
        String key = uniqueName("race-key");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> transfer(asAdmin().header("Idempotency-Key", key), from, to, 7)));
        }
        List<Integer> ids = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertEquals(201, response.statusCode(), response.asString());
            ids.add(response.path("id"));
        }
        clients.shutdown();
        assertEquals(1, ids.stream().distinct().count(), "one transfer: " + ids);
        assertNothingMoved(from, to, 93, 7);
    }

    @Test
    void theLedgerShouldComeInKeysetPagesBothDirectionsById() {
        long a = create(uniqueName("paged-a"), 50), b = create(uniqueName("paged-b"), 50);
        int first = transfer(asAdmin(), a, b, 1).then().statusCode(201).extract().path("id");
        int second = transfer(asAdmin(), b, a, 2).then().statusCode(201).extract().path("id");
        int third = transfer(asAdmin(), a, b, 3).then().statusCode(201).extract().path("id");

        Response page = asAdmin().queryParam("limit", 2).get("/accounts/" + a + "/transfers");
        page.then().statusCode(200).body("id", contains(first, second)).header("Link", notNullValue());
        String next = page.header("Link").replaceAll("^<([^>]+)>.*$", "$1");
        asAdmin().get(next).then().statusCode(200).body("id", contains(third)).header("Link", nullValue());
        asAdmin().queryParam("after", second).get("/accounts/" + b + "/transfers").then().body("id", contains(third));

        assertInvalid(asAdmin().queryParam("limit", 0).get("/accounts/" + a + "/transfers").then(), "limit");
        assertInvalid(asAdmin().queryParam("limit", 1001).get("/accounts/" + a + "/transfers").then(), "limit");
        assertInvalid(asAdmin().queryParam("after", "x").get("/accounts/" + a + "/transfers").then(), "after");
        assertInvalid(asAdmin().queryParam("amount", 1).get("/accounts/" + a + "/transfers").then(), "amount");
    }

    @Test
    void anAccountInTheLedgerShouldNotBeDeleted() {
        long from = create(uniqueName("kept"), 20), to = create(uniqueName("kept-to"), 20);
        transfer(asAdmin(), from, to, 1).then().statusCode(201);
        assertProblem(asAdmin().delete("/accounts/" + from).then(), 409)
                .body("type", equalTo("urn:accounts:problem:account-has-transfers"));
        assertEquals(19, tokens(from));
        long untouched = create(uniqueName("gone"), 20);
        asAdmin().delete("/accounts/" + untouched).then().statusCode(204);
    }

    static Response transfer(RequestSpecification caller, long from, long to, int amount) {
        return caller.contentType(ContentType.JSON)
                .body("{\"from\":" + from + ",\"to\":" + to + ",\"amount\":" + amount + "}")
                .post("/transfers");
    }

    static int tokens(long account) {
        return asAdmin().get("/accounts/" + account).then().statusCode(200).extract().path("tokens");
    }

    private static void assertNothingMoved(long from, long to, int fromTokens, int toTokens) {
        assertEquals(fromTokens, tokens(from), "tokens of " + from);
        assertEquals(toTokens, tokens(to), "tokens of " + to);
    }
}
