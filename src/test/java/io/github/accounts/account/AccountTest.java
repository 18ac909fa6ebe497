package io.github.accounts.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccountTest {

    @Test
    void toStringShouldReadLikeTheTutorialsReprWithoutThePassword() {
        Account account = new Account();
        account.username = "admin";
        account.password = "$2a$10$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0";
        account.tokens = 20;
        assertEquals("<Account U: admin T: 20 V: false>", account.toString());
    }
}
