package io.github.accounts.persistence;

import static io.github.accounts.support.TestAccounts.uniqueName;
import static io.github.accounts.support.TestAccounts.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PlainSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The schema that start-up creates lets other programs (the tutorial's Python code among them) share the table: a
 * plain INSERT naming only username and password works, and the database fills in every other column itself.
 */
@QuarkusTest
public class SchemaTest {

    @Inject
    DataSource dataSource;

    @Test
    void plainSqlInsertShouldGetIdAndEveryDefaultFromTheDatabase() throws Exception {
        String username = uniqueName("plain-sql");
        PlainSql.insert(dataSource, Map.of("username", username, "password", "not-a-hash-but-not-shown"));
        asAdmin().queryParam("username", username).get("/accounts").then().statusCode(200)
                .body("id[0]", notNullValue())
                .body("tokens", contains(10))
                .body("verified", contains(false))
                .body("dateCreated[0]", notNullValue())
                .body("lastUpdated[0]", notNullValue());
        Object id = asAdmin().queryParam("username", username).get("/accounts").path("id[0]");
        asAdmin().get("/accounts/" + id).then().statusCode(200).header("ETag", "\"0\"");
    }
}
