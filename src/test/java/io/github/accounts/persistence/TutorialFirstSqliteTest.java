package io.github.accounts.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The tutorial's SQLite file, made by its own code: SQLite cannot add last_updated in place, so the table is rebuilt. */
@QuarkusTest
@TestProfile(TutorialFirstSqliteTest.OnTutorialFile.class)
class TutorialFirstSqliteTest extends TutorialFirstTest {

    static final String URI = "sqlite:///target/tutorial-first.db";

    public static class OnTutorialFile extends Profile {
        public OnTutorialFile() {
            super(URI);
        }
    }

    TutorialFirstSqliteTest() {
        super(URI);
    }
}
