package io.github.accounts.transfer;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.Bank;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Jepsen's bank test against one running instance: 16 clients send random transfers among 10 accounts for 20 seconds;
 * no token is lost or made, no balance goes below 0, and no contention reaches a client. On H2 here, on MariaDB and
 * SQLite through subclasses; two instances on one PostgreSQL run in {@link BankIT}.
 */
@QuarkusTest
public class BankTest {

    @Test
    void sixteenClientsMovingTokensShouldNeitherLoseNorMakeAny() throws Exception {
        String instance = "http://localhost:" + RestAssured.port;
        Bank bank = Bank.open(List.of(instance)).run(16, Duration.ofSeconds(20));
        System.out.printf("bank (%s): %d transfers, answers %s%n", getClass().getSimpleName(), bank.acknowledgedCount(), bank.statuses());
        bank.assertOnlyTransfersAndInsufficientTokens();
        bank.assertConserved(instance, true);
    }
}
