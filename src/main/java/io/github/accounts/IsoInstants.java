package io.github.accounts;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Writes an {@link Instant} as the text Jackson's own serializer writes, {@link Instant#toString()} (ISO-8601 in UTC, the
 * fraction in groups of three digits), without the JDK formatter's intermediate strings: a page of accounts holds two
 * instants per account, and formatting them was the largest single cost of writing the page.
 */
@Singleton
public class IsoInstants implements ObjectMapperCustomizer {

    private static final int MAX_LENGTH = "9999-12-31T23:59:59.999999999Z".length();
    /** {@link Instant#toString()} writes the years 0 to 9999 without a sign: those {@link #format} writes. */
    private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long AFTER_LAST_SECOND = LocalDateTime.of(10_000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    /** Applied after Quarkus' own customizers, so that this serializer is the one used. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("iso-instants").addSerializer(Instant.class, new Writer()));
    }

    /** The instant as {@link Instant#toString()} writes it, into {@code text}; its length. Years 0 to 9999 only. */
    private static int format(Instant instant, char[] text) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int at = digits(text, 0, utc.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, utc.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, utc.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, utc.getHour(), 2);
        text[at++] = ':';
        at = digits(text, at, utc.getMinute(), 2);
        text[at++] = ':';
        at = digits(text, at, utc.getSecond(), 2);
        int nano = utc.getNano();
        if (nano > 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                at = digits(text, at, nano / 1_000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    private static final class Writer extends StdSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant instant, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (instant.getEpochSecond() < FIRST_SECOND || instant.getEpochSecond() >= AFTER_LAST_SECOND) {
                json.writeString(instant.toString());
                return;
            }
            char[] text = new char[MAX_LENGTH];
            json.writeString(text, 0, format(instant, text));
        }
    }
}
