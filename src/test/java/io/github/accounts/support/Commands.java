package io.github.accounts.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Programs the tests run to set up their servers (initdb, chown, mariadb-install-db), and the removal of their folders. */
final class Commands {

    private Commands() {
    }

    /** Runs {@code command} to its end within a minute; fails with what it printed unless it exits 0. */
    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Removes {@code directory} and everything in it; says so on stderr if it cannot (a JVM shutting down goes on). */
    static void removeTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + directory + ": " + e);
        }
    }
}
