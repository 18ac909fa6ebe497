package io.github.accounts.security;

import static io.github.accounts.support.TestAccounts.as;
import static io.github.accounts.support.TestAccounts.create;
import static io.github.accounts.support.TestAccounts.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A wrong password and an unknown username take about the same time, so timing does not reveal which accounts exist. */
@QuarkusTest
@TestProfile(SignInTimingTest.ProductionCost.class)
class SignInTimingTest {

    static final int TRIES = 12;

    /** The production bcrypt cost, because at the tests' cheap cost the hash would hide in the noise. */
    public static class ProductionCost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accounts.password.bcrypt-cost", "10");
        }
    }

    @Test
    void wrongPasswordAndUnknownUsernameShouldTakeAboutTheSameTime() {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            String name = uniqueName("timed");
            create(name);
            existing.add(name);
        }
        as(uniqueName("warm-up"), "wrong-password").get("/accounts/me"); // the first check compiles bcrypt
        long[] wrongPassword = new long[TRIES];
        long[] unknownUser = new long[TRIES];
        for (int i = 0; i < TRIES; i++) { // interleaved, one try per username: no throttling, same machine load
            wrongPassword[i] = timeUnauthorized(existing.get(i));
            unknownUser[i] = timeUnauthorized(uniqueName("ghost"));
        }
        double wrong = median(wrongPassword), unknown = median(unknownUser);
        System.out.printf("sign-in timing: wrong password median %.1f ms, unknown username median %.1f ms%n", wrong / 1e6, unknown / 1e6);
        assertTrue(wrong > 20e6, "bcrypt at cost 10 is paid for a wrong password");
        assertTrue(Math.abs(wrong - unknown) < 0.5 * Math.max(wrong, unknown), "medians within 50%");
    }

    private static long timeUnauthorized(String username) {
        long start = System.nanoTime();
        int status = as(username, "not-the-password").get("/accounts/me").statusCode();
        long elapsed = System.nanoTime() - start;
        assertEquals(401, status);
        return elapsed;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2] + sorted[(sorted.length - 1) / 2]) / 2.0;
    }
}
