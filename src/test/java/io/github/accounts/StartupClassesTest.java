package io.github.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Preloading loads what the list names and runs nothing: no class is initialized earlier than it would have been. */
class StartupClassesTest {

    static volatile boolean initialized;

    static class WithStaticInitializer {
        static {
            initialized = true;
        }

        static void touch() {
        }
    }

    @Test
    void listedClassesShouldBeLoadedButNotInitialized() {
        List<String> asked = new ArrayList<>();
        ClassLoader recording = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                asked.add(name);
                return super.loadClass(name, resolve);
            }
        };
        String list = WithStaticInitializer.class.getName() + "\nno.such.Class\n" + String.class.getName() + "\n";

        int found = StartupClasses.preload(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), recording);

        assertEquals(2, found, "a name the classpath lacks is skipped");
        assertEquals(List.of(WithStaticInitializer.class.getName(), "no.such.Class", String.class.getName()), asked);
        assertFalse(initialized, "loaded, not initialized");
        WithStaticInitializer.touch();
        assertTrue(initialized);
    }
}
