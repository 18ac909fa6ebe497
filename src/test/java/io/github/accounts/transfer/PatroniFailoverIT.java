package io.github.accounts.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.accounts.support.Bank;
import io.github.accounts.support.PackagedApp;
import io.github.accounts.support.PatroniCluster;
import io.github.accounts.support.PatroniCluster.Node;

/**
 * PostgreSQL failover under Patroni (section 10): two instances on the several-hosts URI run the bank while the primary
 * dies or steps down. Calls answer only 201, 409 (insufficient tokens) or 503 with {@code Retry-After}; transfers resume
 * on their own once the standby is promoted, within Patroni's TTL plus 10 s; every acknowledged transfer is in the
 * ledger (a synchronous standby has them all); readiness is DOWN while no primary answers.
 */
class PatroniFailoverIT {

    private static final int CLIENTS = 16;
    private static final Duration BEFORE = Duration.ofSeconds(4);

    private static PatroniCluster cluster;
    private static PackagedApp one;
    private static PackagedApp two;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        cluster = PatroniCluster.shared();
        one = PackagedApp.startFor(cluster.uri(), Map.of());
        two = PackagedApp.startFor(cluster.uri(), Map.of());
        one.awaitReady();
        two.awaitReady();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (PackagedApp app : new PackagedApp[] { one, two }) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void thePrimaryCrashingShouldCostOnlyRetryableAnswersAndNoAcknowledgedTransfer() throws Exception {
        Node primary = cluster.heal();
        Bank bank = Bank.open(List.of(one.base(), two.base()));
        Readiness readiness = Readiness.watch(one);
        ScheduledExecutorService crasher = Executors.newSingleThreadScheduledExecutor();
        crasher.schedule(() -> {
            cluster.crash(primary);
            return null;
        }, BEFORE.toMillis(), TimeUnit.MILLISECONDS);
        bank.run(CLIENTS, BEFORE.plusSeconds(PatroniCluster.TTL + 12));
        crasher.shutdown();
        readiness.stop();
        report("primary killed with kill -9", bank, readiness);

        assertOnlyRetryableFailures(bank);
        assertTrue(bank.longestWithoutATransfer().compareTo(Duration.ofSeconds(PatroniCluster.TTL + 10)) <= 0,
                "transfers resumed within the TTL plus 10 s: " + bank.longestWithoutATransfer());
        assertTrue(readiness.sawDown(), "readiness was DOWN while no primary answered: " + readiness);
        one.awaitReady();
        bank.assertConserved(two.base(), false);
    }

    @Test
    void aSwitchoverShouldCostOnlyRetryableAnswersAndNoAcknowledgedTransfer() throws Exception {
        Node primary = cluster.heal();
        Node standby = cluster.nodes().stream().filter(node -> node != primary).findFirst().orElseThrow();
        Bank bank = Bank.open(List.of(one.base(), two.base()));
        Readiness readiness = Readiness.watch(one);
        ScheduledExecutorService switcher = Executors.newSingleThreadScheduledExecutor();
        switcher.schedule(() -> {
            cluster.switchover(primary, standby);
            return null;
        }, BEFORE.toMillis(), TimeUnit.MILLISECONDS);
        bank.run(CLIENTS, BEFORE.plusSeconds(12));
        switcher.shutdown();
        readiness.stop();
        report("switchover", bank, readiness);

        assertEquals(standby.name(), cluster.leader().name(), "the standby leads");
        assertOnlyRetryableFailures(bank);
        assertTrue(bank.longestWithoutATransfer().compareTo(Duration.ofSeconds(10)) <= 0,
                "transfers resumed within 10 s: " + bank.longestWithoutATransfer());
        bank.assertConserved(two.base(), false);
    }

    private static void assertOnlyRetryableFailures(Bank bank) {
        assertEquals(0, bank.cutOff(), "no call went unanswered");
        assertTrue(bank.unexpected().stream().allMatch(answer -> answer.startsWith("503 Retry-After: ")),
                "only 201, 409 or 503 with Retry-After: " + bank.unexpected().stream().filter(a -> !a.startsWith("503 ")).limit(3).toList());
    }

    private static void report(String what, Bank bank, Readiness readiness) {
        System.out.printf("Patroni, %s: %d transfers, answers %s, longest without a transfer %d ms, readiness %s%n", what,
                bank.acknowledgedCount(), bank.statuses(), bank.longestWithoutATransfer().toMillis(), readiness);
    }


    /** An instance's readiness, polled every quarter second: what a load balancer sees. */
    private static final class Readiness {
        private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

        static Readiness watch(PackagedApp app) {
            Readiness readiness = new Readiness();
            readiness.poller.scheduleWithFixedDelay(() -> {
                try {
                    readiness.statuses.add(app.send("GET", "/q/health/ready", null, null).statusCode());
                } catch (IOException e) {
                    readiness.statuses.add(0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
            return readiness;
        }

        void stop() throws InterruptedException {
            poller.shutdown();
            poller.awaitTermination(5, TimeUnit.SECONDS);
        }

        boolean sawDown() {
            return statuses.contains(503);
        }

        @Override
        public String toString() {
            long down = statuses.stream().filter(status -> status == 503).count();
            return down + " of " + statuses.size() + " polls DOWN";
        }
    }
}
