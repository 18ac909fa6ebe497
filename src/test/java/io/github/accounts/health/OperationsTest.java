package io.github.accounts.health;

import static io.github.accounts.support.TestAccounts.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What operators rely on, without signing in: health that reflects the database, a complete OpenAPI document, metrics. */
@QuarkusTest
public class OperationsTest {

    @Test
    void readinessShouldCheckTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("accounts can serve"))
                .body("checks[0].data.database", equalTo("UP"))
                .body("checks[0].data.workers", equalTo("UP"))
                .body("checks[0].data.heap", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiShouldDocumentEveryCallWithItsProblemResponses() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/accounts'.post.responses.'409'.'$ref'", equalTo("#/components/responses/Conflict"))
                .body("paths.'/accounts'.get.responses.'400'.'$ref'", equalTo("#/components/responses/BadRequest"))
                .body("paths.'/accounts/{id}'.patch.responses.'412'.'$ref'", equalTo("#/components/responses/PreconditionFailed"))
                .body("paths.'/accounts/{id}'.delete.responses.'404'.'$ref'", equalTo("#/components/responses/NotFound"))
                .body("paths.'/engine/echo'.put.responses.'400'.'$ref'", equalTo("#/components/responses/BadRequest"))
                .body("components.responses.ServiceUnavailable.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void eachProblemResponseShouldShowAnExampleOfItsOwnStatusAndOneSignInScheme() {
        Map<String, Integer> statuses = Map.of("BadRequest", 400, "Unauthorized", 401, "Forbidden", 403, "NotFound", 404,
                "Conflict", 409, "PreconditionFailed", 412, "UnsupportedMediaType", 415, "TooManyRequests", 429,
                "ServiceUnavailable", 503);
        var openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        statuses.forEach((response, status) -> {
            String example = "components.responses." + response + ".content.'application/problem+json'.example";
            assertEquals(status, openApi.getInt(example + ".status"), response);
            assertTrue(openApi.getString(example + ".type").startsWith(status == 415 ? "about:blank" : "urn:accounts:problem:"),
                    response);
        });
        Map<String, Object> schemes = openApi.getMap("components.securitySchemes");
        assertEquals(1, schemes.size(), schemes.toString());
    }

    @Test
    void metricsShouldBeServedForPrometheus() {
        asAdmin().get("/accounts").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }
}
