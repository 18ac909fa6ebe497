package io.github.accounts.security;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestAccounts.as;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.passwordOf;
import static io.github.accounts.support.TestAccounts.uniqueName;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.MariaDbProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * MariaDB compares usernames ignoring case and trailing spaces, so {@code Victim}, {@code VICTIM} and {@code victim }
 * all find the account {@code victim}. They share its lockout count, and none of them signs in as it.
 */
@QuarkusTest
@TestProfile(MariaDbProfile.class)
class LockoutMariaDbTest {

    @Test
    void aVariantOfTheUsernameShouldNotSignInEvenWithTheRightPassword() {
        String victim = uniqueName("victim");
        create(victim);
        for (String variant : new String[] { victim.toUpperCase(Locale.ROOT), capitalized(victim), victim + " " }) {
            assertProblem(as(variant, passwordOf(victim)).get("/accounts/me").then(), 401);
        }
        as(victim, passwordOf(victim)).get("/accounts/me").then().statusCode(200);
    }

    @Test
    void variantsOfTheUsernameShouldShareOneCount() {
        String victim = uniqueName("victim");
        create(victim);
        String[] variants = { victim.toUpperCase(Locale.ROOT), capitalized(victim), victim + " ", victim };
        for (int i = 0; i < 10; i++) {
            assertProblem(as(variants[i % variants.length], "guess-" + i).get("/accounts/me").then(), 401);
        }
        assertProblem(as(victim, passwordOf(victim)).get("/accounts/me").then(), 429);
        assertProblem(as(capitalized(victim), "guess-x").get("/accounts/me").then(), 429);
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
