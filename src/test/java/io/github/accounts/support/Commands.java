package io.github.accounts.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Programs the tests run to set up their servers (initdb, chown, mariadb-install-db). */
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
}
