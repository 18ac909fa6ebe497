package io.github.accounts.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/** The log file the service writes under the test profile (the console goes through the same masking filter). */
public final class TestLog {

    private static final Path LOG = Path.of("target/quarkus-test.log");

    private TestLog() {
    }

    /** Where the log ends now: pass it to {@link #since(long)} after the calls to look at. */
    public static long end() throws IOException {
        return Files.size(LOG);
    }

    /**
     * The log since {@code offset} once it holds {@code text} at least {@code times} times, polled until the deadline;
     * fails if it never does (the service logs on its own threads, in its own time).
     */
    public static String awaitSince(long offset, String text, int times, Duration within)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String log = since(offset);
            int found = log.split(Pattern.quote(text), -1).length - 1;
            if (found >= times) {
                return log;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' logged " + found + " times, not " + times + ", within " + within
                        + ": " + log);
            }
            Thread.sleep(50);
        }
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
