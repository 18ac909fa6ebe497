package io.github.accounts.engine;

import static io.github.accounts.support.PackagedApp.BUILT_FOR;
import static io.github.accounts.support.PackagedApp.BUILT_FOR_URI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PackagedApp;

/**
 * Starts the packaged application as a user does (the jar, or the native executable after {@code -Dnative}), with
 * only environment variables: bad configuration stops it with one line, and a Heroku-style {@code DATABASE_URL} works.
 */
class StartupIT {

    @Test
    void unknownDialectShouldStopStartUpWithOneLineAndNoPassword() throws Exception {
        PackagedApp run = startWith("oracle://scott:tiger@localhost/test");
        assertNotEquals(0, run.awaitExit());
        assertOneErrorLine(run.output(), "ERROR: database.uri unknown dialect 'oracle' in 'oracle://scott:***@localhost/test'");
    }

    @Test
    void uriOfAnotherDialectShouldNameBothAndTheBuildCommand() throws Exception {
        String other = BUILT_FOR == Dialect.POSTGRESQL ? "mariadb" : "postgresql";
        PackagedApp run = startWith(other + "://scott:tiger@127.0.0.1:5432/test");
        assertNotEquals(0, run.awaitExit());
        assertOneErrorLine(run.output(), "ERROR: database.uri names a " + other + " database, but this build is for "
                + BUILT_FOR.dbKind() + "; build for " + other + " with: DATABASE_URI='" + other
                + "://scott:***@127.0.0.1:5432/test' ./mvnw package");
    }

    @Test
    void unknownEchoShouldStopStartUpWithOneLine() throws Exception {
        PackagedApp run = PackagedApp.start(Map.of("DATABASE_URI", BUILT_FOR_URI, "DATABASE_ECHO", "loud"));
        assertNotEquals(0, run.awaitExit());
        assertOneErrorLine(run.output(), "ERROR: invalid configuration: The config property database.echo with the config value "
                + "\"loud\" threw an Exception whilst being converted must be false, true or debug");
    }

    @Test
    void bcryptCostOutOfRangeShouldStopStartUpWithOneLine() throws Exception {
        PackagedApp run = PackagedApp.start(Map.of("DATABASE_URI", BUILT_FOR_URI, "ACCOUNTS_PASSWORD_BCRYPT_COST", "32"));
        assertNotEquals(0, run.awaitExit());
        assertOneErrorLine(run.output(), "ERROR: invalid configuration: The config property accounts.password.bcrypt-cost with "
                + "the config value \"32\" threw an Exception whilst being converted must be a whole number from 4 to 31");
    }

    @Test
    void databaseUrlShouldBeHonouredWhenDatabaseUriIsUnset() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("DATABASE_URL", BUILT_FOR_URI))) {
            app.awaitReady();
            String engine = app.asAdmin("GET", "/engine", null).body();
            assertTrue(engine.contains("\"url\":\"" + BUILT_FOR_URI + "\""), engine);
        }
    }

    /** Started with only a {@code DATABASE_URI} that cannot be used. */
    private static PackagedApp startWith(String uri) throws Exception {
        return PackagedApp.start(Map.of("DATABASE_URI", uri));
    }

    private static void assertOneErrorLine(String output, String expectedStart) {
        List<String> errors = output.lines().filter(l -> l.startsWith("ERROR")).toList();
        assertEquals(1, errors.size(), output);
        assertTrue(errors.get(0).startsWith(expectedStart), errors.get(0));
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        assertFalse(output.contains("tiger"), "no password: " + output);
    }
}
