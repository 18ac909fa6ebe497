package io.github.accounts.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The log file the service writes under the test profile (the console goes through the same masking filter). */
public final class TestLog {

    private static final Path LOG = Path.of("target/quarkus-test.log");

    private TestLog() {
    }

    /** Where the log ends now: pass it to {@link #since(long)} after the calls to look at. */
    public static long end() throws IOException {
        return Files.size(LOG);
    }

    public static String since(long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            file.seek(offset);
            byte[] bytes = new byte[(int) (file.length() - offset)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
