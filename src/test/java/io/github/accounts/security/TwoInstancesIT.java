package io.github.accounts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.accounts.support.PackagedApp;

/**
 * Two running instances of the service on one PostgreSQL database: a password changed through one is refused by the
 * other on the very next call, although that one had just verified (and remembered) the old password; failed sign-ins
 * through both count towards one lockout.
 */
class TwoInstancesIT {

    private static final String URI = "postgresql://postgres@127.0.0.1:5432/test";
    private static PackagedApp first;
    private static PackagedApp second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        first = PackagedApp.startReady(URI, Map.of());
        second = PackagedApp.startReady(URI, Map.of());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (PackagedApp instance : new PackagedApp[] { first, second }) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void passwordChangedThroughOneInstanceShouldFailOnTheOtherAtOnce() throws Exception {
        String username = "twin-" + System.nanoTime();
        String old = username + ":old-password";
        String id = signUpThroughFirstAndSignInThroughSecond(username, "old-password");

        assertEquals(200, first.send("PATCH", "/accounts/" + id, old, "{\"password\":\"new-password\"}").statusCode());

        assertEquals(401, second.send("GET", "/accounts/" + id, old, null).statusCode());
        assertEquals(401, second.send("GET", "/accounts/me", old, null).statusCode());
        assertEquals(200, second.send("GET", "/accounts/me", username + ":new-password", null).statusCode());
        assertEquals(401, first.send("GET", "/accounts/me", old, null).statusCode());
    }

    @Test
    void failedSignInsThroughBothInstancesShouldCountTowardsOneLockout() throws Exception {
        String username = "guessed-" + System.nanoTime();
        String right = username + ":right-password";
        String id = signUpThroughFirstAndSignInThroughSecond(username, "right-password");

        for (int i = 0; i < 10; i++) {
            PackagedApp instance = i % 2 == 0 ? first : second;
            assertEquals(401, instance.send("GET", "/accounts/me", username + ":guess-" + i, null).statusCode());
        }

        for (PackagedApp instance : new PackagedApp[] { first, second }) {
            var refused = instance.send("GET", "/accounts/me", right, null);
            assertEquals(429, refused.statusCode(), refused.body());
            assertEquals(429, instance.send("GET", "/accounts/" + id, right, null).statusCode());
            assertEquals(429, instance.send("GET", "/accounts/me", username + ":guess-x", null).statusCode());
        }
    }

    /** Creates the account through the first instance and signs in through the second, which now remembers the password; its id. */
    private static String signUpThroughFirstAndSignInThroughSecond(String username, String password) throws Exception {
        assertEquals(201, first.send("POST", "/accounts", null, "{\"username\":\"" + username
                + "\",\"password\":\"" + password + "\"}").statusCode());
        var me = second.send("GET", "/accounts/me", username + ":" + password, null);
        assertEquals(200, me.statusCode(), me.body());
        return me.body().replaceAll(".*\"id\":(\\d+).*", "$1");
    }
}
