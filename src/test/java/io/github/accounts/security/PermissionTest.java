package io.github.accounts.security;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.ADMIN;
import static io.github.accounts.support.TestAccounts.as;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.passwordOf;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Section 7's permission table, cell by cell: every call as anonymous, the account itself, another user and admin. */
@QuarkusTest
public class PermissionTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    String self;
    long selfId;
    String other;
    long otherId;

    @BeforeEach
    void accounts() {
        self = uniqueName("self");
        selfId = create(self);
        other = uniqueName("other");
        otherId = create(other);
    }

    RequestSpecification anonymous() {
        return given();
    }

    RequestSpecification asSelf() {
        return as(self, passwordOf(self));
    }

    static ValidatableResponse assertUnauthorized(ValidatableResponse response) {
        return assertProblem(response, 401).header("WWW-Authenticate", "Basic realm=\"accounts\"");
    }

    @Test
    void signUpShouldBeOpenButOnlyAnAdminMaySetTokensVerifiedOrRole() {
        String name = uniqueName("signup");
        anonymous().contentType(ContentType.JSON).body(Map.of("username", name, "password", "password-1"))
                .post("/accounts").then().statusCode(201).body("role", equalTo("user")).body("tokens", equalTo(10));
        for (String field : new String[] { "tokens", "verified", "role" }) {
            Object value = field.equals("tokens") ? 99 : field.equals("verified") ? true : "admin";
            String denied = uniqueName("denied");
            for (RequestSpecification caller : new RequestSpecification[] { anonymous(), asSelf() }) {
                assertProblem(caller.contentType(ContentType.JSON)
                        .body(Map.of("username", denied, "password", "password-1", field, value))
                        .post("/accounts").then(), 403).body("errors[0].field", equalTo(field));
            }
            asAdmin().queryParam("username", denied).get("/accounts").then().body("$", empty());
        }
        String promoted = uniqueName("promoted");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", promoted, "password", "password-1", "role", "admin", "tokens", 1, "verified", true))
                .post("/accounts").then().statusCode(201).body("role", equalTo("admin")).body("tokens", equalTo(1));
        as(promoted, "password-1").get("/accounts").then().statusCode(200);
    }

    /** bcrypt is a budget: what one request that is not an admin's may make the service hash is small. */
    @Test
    void onlyAnAdminMaySignUpMoreThanTenAccountsInOneRequest() {
        List<Map<String, String>> ten = new ArrayList<>(), eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Map<String, String> account = Map.of("username", uniqueName("bulk"), "password", "password-1");
            (i < 10 ? ten : eleven).add(account);
        }
        eleven.addAll(0, ten);
        for (RequestSpecification caller : new RequestSpecification[] { anonymous(), asSelf() }) {
            assertProblem(caller.contentType(ContentType.JSON).body(eleven).post("/accounts").then(), 403)
                    .body("detail", equalTo("only an admin may create more than 10 accounts in one request"));
        }
        asAdmin().queryParam("username", ten.get(0).get("username")).get("/accounts").then().body("$", empty());
        anonymous().contentType(ContentType.JSON).body(ten).post("/accounts").then().statusCode(201).body("$", hasSize(10));
        List<Map<String, String>> more = eleven.stream().map(a -> Map.of("username", a.get("username") + "a", "password", "password-1")).toList();
        asAdmin().contentType(ContentType.JSON).body(more).post("/accounts").then().statusCode(201).body("$", hasSize(11));
    }

    @Test
    void listShouldBeForAdminsOnly() {
        assertUnauthorized(anonymous().get("/accounts").then());
        assertProblem(asSelf().get("/accounts").then(), 403);
        assertProblem(asSelf().queryParam("username", self).get("/accounts").then(), 403);
        asAdmin().queryParam("username", self).get("/accounts").then().statusCode(200).body("username", contains(self));
    }

    @Test
    void meShouldBeTheCallersOwnAccount() {
        assertUnauthorized(anonymous().get("/accounts/me").then());
        asSelf().get("/accounts/me").then().statusCode(200).body("id", equalTo((int) selfId)).body("username", equalTo(self));
        asAdmin().get("/accounts/me").then().statusCode(200).body("username", equalTo(ADMIN)).body("role", equalTo("admin"));
    }

    @Test
    void getShouldNotRevealAnotherAccount() {
        assertUnauthorized(anonymous().get("/accounts/" + selfId).then());
        asSelf().get("/accounts/" + selfId).then().statusCode(200).body("username", equalTo(self));
        assertProblem(asSelf().get("/accounts/" + otherId).then(), 404);
        assertProblem(asSelf().get("/accounts/999999999").then(), 404);
        asAdmin().get("/accounts/" + otherId).then().statusCode(200);
    }

    @Test
    void patchShouldLetAnAccountChangeOnlyItsUsernameAndPassword() {
        assertUnauthorized(anonymous().contentType(MERGE_PATCH).body("{\"password\":\"password-2\"}").patch("/accounts/" + selfId).then());
        assertProblem(asSelf().contentType(MERGE_PATCH).body("{\"password\":\"password-2\"}").patch("/accounts/" + otherId).then(), 404);
        for (String body : new String[] { "{\"tokens\":99}", "{\"verified\":true}", "{\"role\":\"admin\"}" }) {
            assertProblem(asSelf().contentType(MERGE_PATCH).body(body).patch("/accounts/" + selfId).then(), 403);
        }
        assertProblem(asSelf().contentType(MERGE_PATCH).body(Map.of("username", uniqueName("taken"))).patch("/accounts/" + otherId)
                .then(), 404);
        asAdmin().get("/accounts/" + otherId).then().body("username", equalTo(other));
        asAdmin().get("/accounts/" + selfId).then().body("tokens", equalTo(10)).body("role", equalTo("user"));
        String renamed = uniqueName("renamed");
        asSelf().contentType(MERGE_PATCH).body(Map.of("username", renamed)).patch("/accounts/" + selfId)
                .then().statusCode(200).body("username", equalTo(renamed));
        as(renamed, passwordOf(self)).contentType(MERGE_PATCH).body("{\"password\":\"password-2\"}").patch("/accounts/" + selfId)
                .then().statusCode(200);
        asAdmin().contentType(MERGE_PATCH).body("{\"tokens\":5,\"verified\":true,\"role\":\"admin\"}").patch("/accounts/" + otherId)
                .then().statusCode(200).body("tokens", equalTo(5)).body("role", equalTo("admin"));
    }

    @Test
    void aCallerWithoutTheRightShouldBeToldSoBeforeTheBodyIsRead() {
        assertUnauthorized(anonymous().contentType(MERGE_PATCH).body("{not json").patch("/accounts/" + selfId).then());
        assertUnauthorized(anonymous().contentType(ContentType.JSON).body("{\"echo\":\"loud\"}").put("/engine/echo").then());
        assertProblem(asSelf().contentType(ContentType.JSON).body("{\"echo\":\"loud\"}").put("/engine/echo").then(), 403);
        assertProblem(asSelf().contentType(ContentType.JSON).body("[1").put("/engine/echo").then(), 403);
    }

    @Test
    void passwordChangeShouldTakeEffectOnTheNextCall() {
        asSelf().get("/accounts/me").then().statusCode(200);
        asSelf().contentType(MERGE_PATCH).body("{\"password\":\"the-new-password\"}").patch("/accounts/" + selfId)
                .then().statusCode(200);
        assertUnauthorized(asSelf().get("/accounts/me").then());
        as(self, "the-new-password").get("/accounts/me").then().statusCode(200);
    }

    @Test
    void passwordChangeShouldTakeEffectOnTheNextGetOfAnAccount() {
        asSelf().get("/accounts/" + selfId).then().statusCode(200); // verified, and remembered
        asAdmin().contentType(MERGE_PATCH).body("{\"password\":\"the-new-password\"}").patch("/accounts/" + selfId)
                .then().statusCode(200);
        assertUnauthorized(asSelf().get("/accounts/" + selfId).then());
        assertUnauthorized(asSelf().get("/accounts/" + otherId).then());
        as(self, "the-new-password").get("/accounts/" + selfId).then().statusCode(200);
    }

    @Test
    void aWriteWithARememberedPasswordThatChangedSinceShouldChangeNothing() {
        asSelf().get("/accounts/" + selfId).then().statusCode(200); // verified, and remembered
        asAdmin().contentType(MERGE_PATCH).body("{\"password\":\"the-new-password\"}").patch("/accounts/" + selfId)
                .then().statusCode(200);
        assertUnauthorized(asSelf().contentType(MERGE_PATCH).body(Map.of("username", uniqueName("taken")))
                .patch("/accounts/" + selfId).then());
        assertUnauthorized(asSelf().delete("/accounts/" + selfId).then());
        asAdmin().get("/accounts/" + selfId).then().statusCode(200).body("username", equalTo(self));
    }

    @Test
    void aWriteWithARememberedAdminRoleThatWasTakenSinceShouldChangeNothing() {
        asAdmin().contentType(MERGE_PATCH).body("{\"role\":\"admin\"}").patch("/accounts/" + selfId).then().statusCode(200);
        asSelf().get("/accounts/" + otherId).then().statusCode(200); // verified as an admin, and remembered
        asAdmin().contentType(MERGE_PATCH).body("{\"role\":\"user\"}").patch("/accounts/" + selfId).then().statusCode(200);
        assertProblem(asSelf().contentType(MERGE_PATCH).body("{\"tokens\":99}").patch("/accounts/" + otherId).then(), 404);
        assertProblem(asSelf().contentType(MERGE_PATCH).body("{\"tokens\":99}").patch("/accounts/" + selfId).then(), 403);
        assertProblem(asSelf().delete("/accounts/" + otherId).then(), 404);
        asAdmin().get("/accounts/" + otherId).then().statusCode(200).body("tokens", equalTo(10));
        asAdmin().get("/accounts/" + selfId).then().statusCode(200).body("tokens", equalTo(10));
    }

    @Test
    void anAdminsListWithARememberedCredentialShouldFollowTheRowAsItIsNow() {
        asAdmin().contentType(MERGE_PATCH).body("{\"role\":\"admin\"}").patch("/accounts/" + selfId).then().statusCode(200);
        asSelf().queryParam("username", other).get("/accounts").then().statusCode(200).body("username", contains(other));
        asAdmin().contentType(MERGE_PATCH).body("{\"password\":\"the-new-password\"}").patch("/accounts/" + selfId)
                .then().statusCode(200);
        assertUnauthorized(asSelf().queryParam("username", other).get("/accounts").then());
        as(self, "the-new-password").queryParam("username", "nobody").get("/accounts").then().statusCode(200)
                .body("size()", equalTo(0));
        asAdmin().contentType(MERGE_PATCH).body("{\"role\":\"user\"}").patch("/accounts/" + selfId).then().statusCode(200);
        assertProblem(as(self, "the-new-password").queryParam("username", other).get("/accounts").then(), 403);
    }

    @Test
    void roleChangeShouldTakeEffectOnTheNextCall() {
        assertProblem(asSelf().get("/accounts/" + otherId).then(), 404);
        asAdmin().contentType(MERGE_PATCH).body("{\"role\":\"admin\"}").patch("/accounts/" + selfId).then().statusCode(200);
        asSelf().get("/accounts/" + otherId).then().statusCode(200);
        asSelf().get("/accounts/me").then().statusCode(200).body("role", equalTo("admin"));

        asAdmin().contentType(MERGE_PATCH).body("{\"role\":\"user\"}").patch("/accounts/" + selfId).then().statusCode(200);
        assertProblem(asSelf().get("/accounts/" + otherId).then(), 404);
        assertProblem(asSelf().get("/accounts").then(), 403);
        asSelf().get("/accounts/" + selfId).then().statusCode(200).body("role", equalTo("user"));
    }

    @Test
    void aRenamedAccountShouldNoLongerSignInUnderItsOldName() {
        asSelf().get("/accounts/" + selfId).then().statusCode(200);
        String renamed = uniqueName("renamed");
        asAdmin().contentType(MERGE_PATCH).body(Map.of("username", renamed)).patch("/accounts/" + selfId).then().statusCode(200);
        assertUnauthorized(asSelf().get("/accounts/" + selfId).then());
        assertUnauthorized(asSelf().get("/accounts/me").then());
        assertUnauthorized(asSelf().contentType(MERGE_PATCH).body(Map.of("username", uniqueName("again")))
                .patch("/accounts/" + selfId).then());
        as(renamed, passwordOf(self)).get("/accounts/" + selfId).then().statusCode(200).body("username", equalTo(renamed));
    }

    @Test
    void anAccountCreatedAgainUnderTheSameNameShouldBeANewAccount() {
        asSelf().get("/accounts/me").then().statusCode(200).body("id", equalTo((int) selfId));
        asAdmin().delete("/accounts/" + selfId).then().statusCode(204);
        long again = create(self);
        asSelf().get("/accounts/me").then().statusCode(200).body("id", equalTo((int) again));
        assertProblem(asSelf().get("/accounts/" + selfId).then(), 404);
        asSelf().get("/accounts/" + again).then().statusCode(200);
    }

    @Test
    void deleteShouldBeForTheAccountItselfOrAnAdmin() {
        assertUnauthorized(anonymous().delete("/accounts/" + selfId).then());
        assertProblem(asSelf().delete("/accounts/" + otherId).then(), 404);
        asAdmin().get("/accounts/" + otherId).then().statusCode(200);
        asSelf().delete("/accounts/" + selfId).then().statusCode(204);
        assertUnauthorized(asSelf().get("/accounts/me").then());
        asAdmin().delete("/accounts/" + otherId).then().statusCode(204);
    }

    @Test
    void engineShouldBeForAdminsOnly() {
        assertUnauthorized(anonymous().get("/engine").then());
        assertProblem(asSelf().get("/engine").then(), 403);
        asAdmin().get("/engine").then().statusCode(200);
        assertUnauthorized(anonymous().contentType(ContentType.JSON).body("{\"echo\":\"true\"}").put("/engine/echo").then());
        assertProblem(asSelf().contentType(ContentType.JSON).body("{\"echo\":\"true\"}").put("/engine/echo").then(), 403);
        asAdmin().contentType(ContentType.JSON).body("{\"echo\":\"false\"}").put("/engine/echo").then().statusCode(200);
    }

    @Test
    void operationsEndpointsShouldBeOpenToEveryone() {
        for (RequestSpecification caller : new RequestSpecification[] { anonymous(), asSelf(), asAdmin() }) {
            caller.get("/q/health/live").then().statusCode(200);
        }
        anonymous().get("/q/health/ready").then().statusCode(200);
        anonymous().get("/q/openapi").then().statusCode(200);
        anonymous().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void wrongPasswordAndUnknownUsernameShouldAnswerAlike() {
        String wrong = assertUnauthorized(as(self, "not-the-password").get("/accounts/me").then()).extract().asString();
        String unknown = assertUnauthorized(as(uniqueName("nobody"), "not-the-password").get("/accounts/me").then())
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(wrong, unknown);
    }

    @Test
    void tenFailuresShouldThrottleTheUsernameEvenForTheRightPasswordAndASuccessShouldReset() {
        for (int i = 0; i < 9; i++) {
            assertUnauthorized(as(self, "guess-" + i).get("/accounts/me").then());
        }
        asSelf().get("/accounts/me").then().statusCode(200); // a success resets the count
        for (int i = 0; i < 10; i++) {
            assertUnauthorized(as(self, "guess-" + i).get("/accounts/me").then());
        }
        assertProblem(asSelf().get("/accounts/me").then(), 429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertProblem(as(self, "guess-x").get("/accounts/me").then(), 429);
        asAdmin().get("/accounts/me").then().statusCode(200); // other usernames are not affected
    }

    @Test
    void aWriteWithARememberedCredentialShouldEndTheCountOfFailuresAndBeHeldByTheLockout() {
        asSelf().get("/accounts/" + selfId).then().statusCode(200); // verified, and remembered
        assertUnauthorized(as(self, "guess-0").get("/accounts/me").then());
        asSelf().contentType(MERGE_PATCH).body(Map.of("username", self)).patch("/accounts/" + selfId).then().statusCode(200);
        for (int i = 1; i < 10; i++) {
            assertUnauthorized(as(self, "guess-" + i).get("/accounts/me").then());
        }
        asSelf().get("/accounts/me").then().statusCode(200); // nine failures since the write: not blocked
        for (int i = 0; i < 10; i++) {
            assertUnauthorized(as(self, "guess-" + i).get("/accounts/me").then());
        }
        assertProblem(asSelf().contentType(MERGE_PATCH).body(Map.of("username", uniqueName("blocked")))
                .patch("/accounts/" + selfId).then(), 429);
        asAdmin().get("/accounts/" + selfId).then().statusCode(200).body("username", equalTo(self));
    }

    @Test
    void tenFailuresForAUsernameNoAccountHasShouldThrottleItAlike() {
        String nobody = uniqueName("nobody");
        for (int i = 0; i < 10; i++) {
            assertUnauthorized(as(nobody, "guess-" + i).get("/accounts/me").then());
        }
        assertProblem(as(nobody, "guess-x").get("/accounts/me").then(), 429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
