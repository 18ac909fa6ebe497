package io.github.accounts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.PackagedApp;
import io.github.accounts.support.Tutorial;

/**
 * The tutorial's own file holds an account named {@code admin} that is no admin (its password in plain text): start-up
 * does not promote it, says so in one line, and goes on serving.
 */
class AdminBootstrapIT {

    @Test
    void anExistingNonAdminNamedAdminShouldNotBePromoted() throws Exception {
        String uri = "sqlite:///" + Files.createTempDirectory(Path.of("target"), "bootstrap-") + "/sqlalchemy-tutorial.db";
        Tutorial tutorial = new Tutorial(uri);
        tutorial.createAll();
        tutorial.add("admin", PackagedApp.ADMIN_PASSWORD);
        try (PackagedApp app = PackagedApp.startReady(uri, Map.of())) {
            assertEquals(401, app.asAdmin("GET", "/accounts/me", null).statusCode());
            assertEquals(200, app.send("GET", "/q/health/ready", null, null).statusCode());
            assertEquals(1, app.output().lines().filter(line -> line.contains("the username 'admin' is taken")).count(),
                    app.output());
        }
        assertEquals("user", tutorial.scalar("SELECT role FROM accounts WHERE username = 'admin'"));
    }
}
