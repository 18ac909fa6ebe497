package io.github.accounts;

import static io.github.accounts.support.PackagedApp.BUILT_FOR_URI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.accounts.support.PackagedApp;

/**
 * The packaged jar loads the classes of {@code startup-classes.txt} beside its start-up, and the list still names what
 * start-up and a first call load; when it no longer does (after an upgrade), {@code bench/startup-classes.sh} records
 * it again.
 */
class StartupClassesIT {

    /** A class loaded by name (no lambda, proxy or other hidden class), and whether from the JDK's archive. */
    private static final Pattern NAMED_LOAD = Pattern.compile(
            "\\[class,load\\] (?<name>[^ /]+) source: (?<archive>shared objects file)?");
    private static final Pattern UNNAMED = Pattern.compile(
            "\\$\\$Lambda|\\$Proxy|^jdk\\.proxy|^jdk\\.internal\\.reflect\\.Generated");
    /** The JDK's own classes: the list names those of the JDK it was recorded on, which another JDK may lack. */
    private static final Pattern JDK = Pattern.compile("^(java|javax|jdk|sun|com\\.sun)\\.");

    private static List<String> listed;

    @BeforeAll
    static void readList() throws IOException {
        assumeFalse(PackagedApp.isNative(), "a native executable loads no classes");
        try (InputStream list = StartupClasses.class.getClassLoader().getResourceAsStream(StartupClasses.LIST)) {
            listed = new String(list.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void theListShouldStillNameMostOfWhatStartUpAndAFirstCallLoad() throws Exception {
        Path log = classLog("without-list");
        try (PackagedApp app = PackagedApp.startReady(BUILT_FOR_URI, withClassLog(log, false))) {
            assertEquals(200, app.asAdmin("GET", "/accounts?limit=1", null).statusCode());
        }
        Set<String> loaded = namedLoads(log, false);
        long listedOnes = loaded.stream().filter(Set.copyOf(listed)::contains).count();
        assertTrue(listedOnes >= 0.8 * loaded.size(), "the list names " + listedOnes + " of the " + loaded.size()
                + " classes start-up and a first call load: record it again with bench/startup-classes.sh");
    }

    @Test
    void thePackagedJarShouldLoadEveryListedClassBeforeItsFirstCall() throws Exception {
        Path log = classLog("with-list");
        try (PackagedApp app = PackagedApp.startReady(BUILT_FOR_URI, withClassLog(log, true))) {
            List<String> applicationClasses = listed.stream().filter(name -> !JDK.matcher(name).find()).toList();
            long missing = applicationClasses.size();
            for (int i = 0; i < 100 && missing > 0; i++) { // loaded beside start-up: perhaps not done when ready
                Set<String> loaded = namedLoads(log, true);
                missing = applicationClasses.stream().filter(name -> !loaded.contains(name)).count();
                Thread.sleep(100);
            }
            // Without the list, start-up alone leaves out what the first calls load: about 7% of it.
            assertTrue(missing <= applicationClasses.size() / 100,
                    missing + " listed classes not loaded before any call");
        }
    }

    private static Map<String, String> withClassLog(Path log, boolean preload) {
        return Map.of("JAVA_TOOL_OPTIONS", "-D" + StartupClasses.SWITCH + "=" + preload
                + " -Xlog:class+load=info:file=" + log.toAbsolutePath());
    }

    private static Path classLog(String name) throws IOException {
        Path log = Path.of("target", "startup-classes-" + name + ".log");
        Files.deleteIfExists(log);
        return log;
    }

    /** The classes loaded by name, with or without those the JDK's archive holds (a list leaves them out). */
    private static Set<String> namedLoads(Path log, boolean withArchived) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(log)) {
            Matcher load = NAMED_LOAD.matcher(line);
            if (load.find() && !UNNAMED.matcher(load.group("name")).find()
                    && (withArchived || load.group("archive") == null)) {
                names.add(load.group("name"));
            }
        }
        return names;
    }
}
