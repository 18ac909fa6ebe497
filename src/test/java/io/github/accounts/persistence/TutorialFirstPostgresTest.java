package io.github.accounts.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A PostgreSQL database of its own, made by the tutorial's code through psycopg2. */
@QuarkusTest
@TestProfile(TutorialFirstPostgresTest.OnTutorialDatabase.class)
class TutorialFirstPostgresTest extends TutorialFirstTest {

    static final String URI = "postgresql://postgres@127.0.0.1:5432/tutorial_first";

    public static class OnTutorialDatabase extends Profile {
        public OnTutorialDatabase() {
            super(URI);
        }
    }

    TutorialFirstPostgresTest() {
        super(URI);
    }
}
