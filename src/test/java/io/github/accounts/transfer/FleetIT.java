package io.github.accounts.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.Bank;
import io.github.accounts.support.FreshDatabase;
import io.github.accounts.support.Haproxy;
import io.github.accounts.support.PackagedApp;

/**
 * A fleet behind a load balancer (section 10): three instances started at once on a new PostgreSQL database, behind
 * HAProxy, which checks readiness. An instance killed with {@code kill -9} under 16 clients moving tokens costs no client more than the calls
 * in flight on it (HAProxy answers those 502), none after, and every acknowledged transfer is in the ledger.
 */
class FleetIT {

    private static final int CLIENTS = 16;

    @Test
    void anInstanceKilledUnderLoadShouldCostOnlyTheCallsInFlightOnIt() throws Exception {
        String uri = FreshDatabase.uri("postgresql", "fleet");
        // Started at once on a new database, as a fleet is: they take turns at the schema and the first admin.
        try (PackagedApp first = PackagedApp.startFor(uri, Map.of());
                PackagedApp second = PackagedApp.startFor(uri, Map.of());
                PackagedApp third = PackagedApp.startFor(uri, Map.of())) {
            for (PackagedApp instance : List.of(first, second, third)) {
                instance.awaitReady();
            }
            try (Haproxy balancer = Haproxy.inFrontOf(List.of(first.port(), second.port(), third.port()))) {
                runTheBankAndKill(second, balancer);
            }
        }
    }

    private static void runTheBankAndKill(PackagedApp victim, Haproxy balancer) throws Exception {
        Bank bank = Bank.open(List.of(balancer.base()));
        Thread killer = victim.killAfter(Duration.ofSeconds(4));
        bank.run(CLIENTS, Duration.ofSeconds(10));
        killer.join();
        List<String> duringTheKill = bank.unexpected();
        int cutOffDuringTheKill = bank.cutOff();
        bank.run(CLIENTS, Duration.ofSeconds(5));
        System.out.printf("fleet (three instances behind HAProxy, one killed): %d transfers, answers %s, %d cut off%n",
                bank.acknowledgedCount(), bank.statuses(), bank.cutOff());
        assertTrue(duringTheKill.size() + cutOffDuringTheKill <= CLIENTS
                && duringTheKill.stream().allMatch(answer -> answer.startsWith("502")),
                "at most the calls in flight, each a 502 or cut off: " + duringTheKill + ", " + cutOffDuringTheKill + " cut off");
        assertEquals(duringTheKill, bank.unexpected(), "nothing unexpected once the instance was gone");
        assertEquals(cutOffDuringTheKill, bank.cutOff(), "no call cut off once the instance was gone");
        bank.assertConserved(balancer.base(), false);
    }
}
