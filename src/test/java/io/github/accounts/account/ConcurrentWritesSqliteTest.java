package io.github.accounts.account;

import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Concurrent writers on SQLite, which has one writer at a time: they queue, none of them fails. */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class ConcurrentWritesSqliteTest extends ConcurrentWritesTest {
}
