package io.github.accounts.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.FreshDatabase;
import io.github.accounts.support.PackagedApp;

/**
 * Instances starting at once on a new database (section 10): start-up's schema work and first admin are done by one
 * instance at a time, under the start-up lease, so that no instance meets the tables or the admin another is creating.
 */
class StartupLeaseIT {

    @Test
    void anInstanceShouldWaitWhileAnotherHoldsTheLeaseAndStartOnceItIsGivenBack() throws Exception {
        String uri = FreshDatabase.uri("postgresql", "lease_held");
        StartupLease held = StartupLease.take(DriverManager.getConnection(FreshDatabase.jdbcUrl(uri)), StartupLease.TERM);
        try (PackagedApp app = PackagedApp.startFor(uri, Map.of())) {
            awaitOutput(app, "Waiting for ");
            Thread.sleep(2000);
            assertThrows(IOException.class, () -> app.send("GET", "/q/health/ready", null, null),
                    "it started while another instance held the lease");
            held.close();
            app.awaitReady();
            assertEquals(200, app.asAdmin("GET", "/accounts?limit=1", null).statusCode(), "its admin was created");
        }
    }

    @Test
    void instancesStartingAtOnceOnANewDatabaseShouldNotMeetEachOthersWork() throws Exception {
        String uri = FreshDatabase.uri("mariadb", "lease_at_once");
        List<PackagedApp> fleet = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                fleet.add(PackagedApp.startFor(uri, Map.of()));
            }
            for (PackagedApp instance : fleet) {
                instance.awaitReady();
                // Without the lease: "Error executing DDL" (a table or index made by another) and duplicate admins.
                assertTrue(instance.output().lines().noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ")),
                        instance.output());
            }
        } finally {
            for (PackagedApp instance : fleet) {
                instance.close();
            }
        }
    }

    private static void awaitOutput(PackagedApp app, String text) throws Exception {
        for (int i = 0; i < 600 && !app.output().contains(text); i++) {
            assertTrue(app.process().isAlive(), app.output());
            Thread.sleep(100);
        }
        assertTrue(app.output().contains(text), app.output());
    }
}
