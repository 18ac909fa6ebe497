package io.github.accounts.transfer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.accounts.support.Bank;
import io.github.accounts.support.FreshDatabase;
import io.github.accounts.support.PackagedApp;

/**
 * The bank test against the packaged application as users run it: two instances sharing one PostgreSQL, and a
 * {@code kill -9} in the middle of transfers on every database a file or a server holds.
 */
class BankIT {

    @Test
    void twoInstancesOnOnePostgresqlShouldNeitherLoseNorMakeTokens() throws Exception {
        String uri = FreshDatabase.uri("postgresql", "bank");
        try (PackagedApp first = PackagedApp.startReady(uri, Map.of());
                PackagedApp second = PackagedApp.startReady(uri, Map.of())) {
            Bank bank = Bank.open(List.of(first.base(), second.base())).run(16, Duration.ofSeconds(20));
            System.out.printf("bank (two instances, postgresql): %d transfers, answers %s%n", bank.acknowledgedCount(), bank.statuses());
            bank.assertOnlyTransfersAndInsufficientTokens();
            bank.assertConserved(second.base(), true);
        }
    }

    /**
     * Transfers as fast as 16 clients can send them, and SIGKILL after three seconds. After a restart every transfer a
     * client saw acknowledged is in the ledger and in both balances, and every balance agrees with the ledger: no
     * transfer is half-applied.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "h2", "sqlite", "postgresql" })
    void everyAcknowledgedTransferShouldSurviveKill9(String dialect) throws Exception {
        String uri = FreshDatabase.uri(dialect, "bankcrash");
        PackagedApp app = PackagedApp.startReady(uri, Map.of());
        Bank bank;
        try {
            bank = Bank.open(List.of(app.base()));
            Thread killer = app.killAfter(Duration.ofSeconds(3));
            bank.run(16, Duration.ofSeconds(30));
            killer.join();
        } finally {
            app.kill();
        }
        assertTrue(bank.acknowledgedCount() > 10, "transfers were acknowledged before the kill: " + bank.acknowledgedCount());
        bank.assertOnlyTransfersAndInsufficientTokens();
        try (PackagedApp restarted = PackagedApp.startReady(uri, Map.of())) {
            bank.assertConserved(restarted.base(), false);
            System.out.printf("bank (kill -9, %s): %d transfers acknowledged before the kill, none lost or half-applied%n",
                    dialect, bank.acknowledgedCount());
        }
    }
}
