package io.github.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The service's JSON writes every instant exactly as {@link Instant#toString()} does, as Jackson's own serializer would. */
@QuarkusTest
class IsoInstantsTest {

    @Inject
    ObjectMapper json;

    @Test
    void shouldWriteInstantsAsInstantToStringDoes() throws JsonProcessingException {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextInt(1_000_000_000));
            // The fraction is written in groups of three digits: whole seconds, milli-, micro- and nanoseconds.
            for (ChronoUnit unit : new ChronoUnit[] { ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS }) {
                assertWrittenAsToString(instant.truncatedTo(unit));
            }
        }
        for (String edge : new String[] { "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "2024-02-29T12:00:00.000001Z", "2026-11-25T10:15:30.100Z" }) {
            assertWrittenAsToString(Instant.parse(edge));
        }
        // Years without four plain digits are written by Instant.toString() itself.
        assertWrittenAsToString(Instant.parse("0000-01-01T00:00:00Z").minusNanos(1));
        assertWrittenAsToString(Instant.parse("+10000-01-01T00:00:00Z"));
        assertWrittenAsToString(Instant.MIN);
        assertWrittenAsToString(Instant.MAX);
    }

    @Test
    void shouldBeTheWriterTheServiceUses() throws JsonProcessingException {
        assertEquals(IsoInstants.class,
                json.getSerializerProviderInstance().findValueSerializer(Instant.class).getClass().getEnclosingClass());
    }

    private void assertWrittenAsToString(Instant instant) throws JsonProcessingException {
        assertEquals('"' + instant.toString() + '"', json.writeValueAsString(instant));
    }
}
