package io.github.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.LaunchMode;

/**
 * Loads the classes start-up and the first calls will need, in the order they need them, on a thread of its own while
 * start-up runs. Much of a JVM start is one thread loading classes one after another, with a core to spare; loaded
 * here first, each is found loaded when start-up asks for it. Classes are only loaded, never initialized, so nothing
 * runs earlier than it would have. The list is recorded from the packaged jar by {@code bench/startup-classes.sh}; a
 * class it names that no longer exists is skipped, and one it misses is loaded when needed, as without the list.
 */
final class StartupClasses {

    static final String LIST = "META-INF/accounts/startup-classes.txt";
    /** {@code -Dstartup-classes.preload=false} turns it off (the recording runs without it). */
    static final String SWITCH = "startup-classes.preload";

    private StartupClasses() {
    }

    /** Starts loading in the background, for the packaged jar on a JVM with a core to spare. */
    static void preloadInBackground(ClassLoader loader) {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true")) || LaunchMode.current() != LaunchMode.NORMAL
                || ImageMode.current() != ImageMode.JVM || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        InputStream list = loader.getResourceAsStream(LIST);
        if (list == null) {
            return;
        }
        Thread thread = new Thread(() -> preload(list, loader), "startup-classes");
        thread.setDaemon(true);
        thread.start();
    }

    /** Loads each class the list names, without initializing it; returns how many were found. */
    static int preload(InputStream list, ClassLoader loader) {
        int found = 0;
        try (BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                try {
                    Class.forName(name, false, loader);
                    found++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // gone since the list was recorded, or not loadable here: start-up will do without it
                }
            }
        } catch (IOException e) {
            // the list cannot be read to its end: start-up loads the rest itself, as without it
        }
        return found;
    }
}
