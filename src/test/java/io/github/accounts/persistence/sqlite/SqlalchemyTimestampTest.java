package io.github.accounts.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Timestamps in SQLite as SQLAlchemy writes them, as other programs may have, and what the service writes. */
class SqlalchemyTimestampTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-25 10:15:30.123456    | 2026-11-25T10:15:30.123456Z
            2026-11-28 06:17:24           | 2026-11-28T06:17:24Z
            2026-11-25 10:15:30.123       | 2026-11-25T10:15:30.123Z
            2026-11-25 10:15:30.123456789 | 2026-11-25T10:15:30.123456789Z
            2026-11-25T10:15:30.5         | 2026-11-25T10:15:30.500Z
            2026-11-25T10:15:30Z          | 2026-11-25T10:15:30Z
            2026-11-25 10:15:30+01:00     | 2026-11-25T09:15:30Z
            2026-11-25 10:15              | 2026-11-25T10:15:00Z
            2026-11-25                    | 2026-11-25T00:00:00Z
            1764310644000                 | 2025-11-28T06:17:24Z
            """)
    void readsWhatProgramsWrite(String stored, String expected) {
        assertEquals(Instant.parse(expected), SqlalchemyTimestamp.parse(stored));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "", "yesterday", "2026-13-01 00:00:00", "2026-11-25 25:00:00",
            "2026-11-25 10:15:3x", "2460000.5" })
    void anythingElseIsAbsentNotAnError(String stored) {
        assertNull(SqlalchemyTimestamp.parse(stored));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-25T10:15:30.123456Z | 2026-11-25 10:15:30.123456
            2026-11-28T06:17:24Z        | 2026-11-28 06:17:24.000000
            2026-11-25T10:15:30.1234567Z | 2026-11-25 10:15:30.123456
            """)
    void writesAsSqlalchemyDoes(String instant, String stored) {
        assertEquals(stored, SqlalchemyTimestamp.format(Instant.parse(instant)));
    }
}
