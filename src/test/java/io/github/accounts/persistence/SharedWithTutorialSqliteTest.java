package io.github.accounts.persistence;

import io.github.accounts.support.SqliteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The tutorial's own database, SQLite: one file, the service and SQLAlchemy writing it in turn. */
@QuarkusTest
@TestProfile(SqliteProfile.class)
class SharedWithTutorialSqliteTest extends SharedWithTutorialTest {

    SharedWithTutorialSqliteTest() {
        super(SqliteProfile.URI);
    }
}
