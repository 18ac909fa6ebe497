package io.github.accounts.account;

import io.github.accounts.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Concurrent writers on PostgreSQL: row locks and MVCC as in production. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ConcurrentWritesPostgresTest extends ConcurrentWritesTest {
}
