package io.github.accounts.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.accounts.support.Bank;
import io.github.accounts.support.FreshDatabase;
import io.github.accounts.support.GaleraCluster;
import io.github.accounts.support.GaleraCluster.Node;
import io.github.accounts.support.PackagedApp;

/**
 * MariaDB Galera, three nodes (section 10): an instance of the service on each node and one more on the URI naming all
 * three, all started at once on a new database. The bank across them conserves tokens and answers only 201, 409 or
 * 503, though transactions on different nodes conflict at COMMIT (1213); losing quorum is a 503 and readiness DOWN, and
 * the service recovers without a restart once the nodes are back.
 */
class GaleraIT {

    private static final int CLIENTS = 16;
    private static final Duration RUN = Duration.ofSeconds(20);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private static GaleraCluster cluster;
    /** One instance per node, in the order of the nodes, then the one on the URI naming all three. */
    private static final List<PackagedApp> INSTANCES = new ArrayList<>();
    /** What each instance printed until it was ready (the bank's conflicts print warnings later). */
    private static final List<String> START_UP_OUTPUTS = new ArrayList<>();

    @BeforeAll
    static void startAnInstancePerNodeAtOnce() throws Exception {
        cluster = GaleraCluster.shared();
        for (Node node : cluster.nodes()) {
            INSTANCES.add(PackagedApp.startFor(node.uri(), Map.of()));
        }
        INSTANCES.add(PackagedApp.startFor(cluster.uri(), Map.of()));
        for (PackagedApp instance : INSTANCES) {
            instance.awaitReady();
            START_UP_OUTPUTS.add(instance.output());
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (PackagedApp instance : INSTANCES) {
            instance.close();
        }
    }

    @Test
    void instancesStartingAtOnceOnDifferentNodesShouldCreateOneSchemaWithoutAnError() throws Exception {
        String tables = "SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables"
                + " WHERE table_schema = 'accounts'";
        String onTheFirst = cluster.nodes().get(0).sql(tables);
        assertEquals("accounts,accounts_startup_lease,sign_in_failures,transfers", onTheFirst);
        for (Node node : cluster.nodes()) {
            assertEquals(onTheFirst, node.sql(tables), node.name());
        }
        for (String output : START_UP_OUTPUTS) {
            // Without the start-up lease, "Error executing DDL" for each table or index another instance made first.
            assertTrue(output.lines().noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ")),
                    "an instance logged a warning or an error at start-up: " + output);
        }
    }

    @Test
    void theBankAcrossNodesShouldConserveTokensThoughNodesConflictAtCommit() throws Exception {
        cluster.heal();
        Bank bank = Bank.open(INSTANCES.stream().map(PackagedApp::base).toList());
        long conflictsBefore = conflicts();
        double perSecond = transfersPerSecond(bank);
        long conflicts = conflicts() - conflictsBefore;
        System.out.printf("Galera, an instance per node and one on all three: %.0f transfers/s, answers %s, "
                + "%d conflicts between nodes (certification failures and brute-force aborts)%n", perSecond, bank.statuses(),
                conflicts);
        assertEquals(0, bank.cutOff(), "no call went unanswered");
        assertTrue(bank.unexpected().stream().allMatch(answer -> answer.startsWith("503 Retry-After: ")),
                "only 201, 409 or 503 with Retry-After: " + bank.unexpected().stream().limit(3).toList());
        for (PackagedApp instance : INSTANCES) {
            bank.assertConserved(instance.base(), false);
        }
        measureOneServer(perSecond);
    }

    /** Transfers per second over {@link #RUN}, after a warm-up run of a quarter of that (JVMs just started are slow). */
    private static double transfersPerSecond(Bank bank) throws InterruptedException {
        bank.run(CLIENTS, RUN.dividedBy(4));
        int before = bank.acknowledgedCount();
        bank.run(CLIENTS, RUN);
        return (bank.acknowledgedCount() - before) / (double) RUN.toSeconds();
    }

    /** The same bank, the same clients and as many instances, on the local MariaDB server: the ratio the README quotes. */
    private static void measureOneServer(double galeraPerSecond) throws Exception {
        String uri = FreshDatabase.uri("mariadb", "galera_baseline");
        List<PackagedApp> fleet = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES.size(); i++) {
                fleet.add(PackagedApp.startFor(uri, Map.of()));
            }
            for (PackagedApp instance : fleet) {
                instance.awaitReady();
            }
            Bank bank = Bank.open(fleet.stream().map(PackagedApp::base).toList());
            double perSecond = transfersPerSecond(bank);
            System.out.printf("the same bank on one MariaDB server, %d instances: %.0f transfers/s; Galera/one = %.2f%n",
                    fleet.size(), perSecond, galeraPerSecond / perSecond);
            bank.assertOnlyTransfersAndInsufficientTokens();
        } finally {
            for (PackagedApp instance : fleet) {
                instance.close();
            }
        }
    }

    @Test
    void losingQuorumShouldBe503AndReadinessDownThenRecoverWithoutARestart() throws Exception {
        cluster.heal();
        PackagedApp onTheSurvivor = INSTANCES.get(2);
        HttpResponse<String> created = onTheSurvivor.asAdmin("POST", "/accounts",
                "[{\"username\":\"quorum-a-" + System.nanoTime() + "\",\"password\":\"password-1\",\"tokens\":10},"
                        + "{\"username\":\"quorum-b-" + System.nanoTime() + "\",\"password\":\"password-1\"}]");
        assertEquals(201, created.statusCode(), created.body());
        Matcher ids = ID.matcher(created.body());
        ids.find();
        String from = ids.group(1);
        ids.find();
        String transfer = "{\"from\":" + from + ",\"to\":" + ids.group(1) + ",\"amount\":1}";

        cluster.crash(cluster.nodes().get(0));
        cluster.crash(cluster.nodes().get(1));
        awaitStatus(onTheSurvivor, "GET", "/accounts/" + from, 503);
        HttpResponse<String> refused = onTheSurvivor.asAdmin("POST", "/transfers", transfer);
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null), refused.body());
        awaitStatus(onTheSurvivor, "GET", "/q/health/ready", 503);

        cluster.heal();
        awaitStatus(onTheSurvivor, "GET", "/q/health/ready", 200);
        HttpResponse<String> moved = onTheSurvivor.asAdmin("POST", "/transfers", transfer);
        assertEquals(201, moved.statusCode(), moved.body());
        assertTrue(onTheSurvivor.asAdmin("GET", "/accounts/" + from, null).body().contains("\"tokens\":9"),
                "one transfer moved one token, the refused ones none");
    }

    /** Reads until the answer has {@code status}, for up to 60 s: the cluster notices lost nodes within seconds. */
    private static void awaitStatus(PackagedApp instance, String method, String path, int status) throws Exception {
        HttpResponse<String> response = null;
        for (int i = 0; i < 240; i++) {
            response = instance.asAdmin(method, path, null);
            if (response.statusCode() == status) {
                return;
            }
            assertTrue(response.statusCode() == 200 || response.statusCode() == 503,
                    "only 200 or 503 meanwhile: " + response.statusCode() + " " + response.body());
            Thread.sleep(250);
        }
        throw new AssertionError(method + " " + path + " did not answer " + status + " within 60 s: " + response.body());
    }

    private static long conflicts() throws Exception {
        return cluster.sum("wsrep_local_cert_failures") + cluster.sum("wsrep_local_bf_aborts");
    }

}
