package hk.seamless.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine ships the class Chronicle Map would otherwise compile with javac at every start
 * ({@code VanillaGlobalMutableState$$Native}, see its header). It must be exactly what this Chronicle
 * version generates (its field layout is the map file's global state), and it must be the one used.
 */
class ChronicleGeneratedClassTest {

    private static final String STATE = "net.openhft.chronicle.hash.VanillaGlobalMutableState";
    private static final Path SHIPPED =
            Path.of("src/main/java/net/openhft/chronicle/hash/VanillaGlobalMutableState$$Native.java");

    @Test
    void theShippedSourceIsWhatChronicleGenerates() throws Exception {
        Class<?> valueModel = Class.forName("net.openhft.chronicle.values.ValueModel");
        Object model = valueModel.getMethod("acquire", Class.class).invoke(null, Class.forName(STATE));
        Method generate = Class.forName("net.openhft.chronicle.values.Generators")
                .getDeclaredMethod("generateNativeClass", valueModel, String.class);
        generate.setAccessible(true);
        String generated = (String) generate.invoke(null, model, "VanillaGlobalMutableState$$Native");

        String shipped = Files.readAllLines(SHIPPED).stream()
                .dropWhile(line -> line.startsWith("//"))
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(
                generated,
                shipped,
                "Chronicle now generates another VanillaGlobalMutableState$$Native:" + " replace the body of " + SHIPPED
                        + " (below its header comment) with the expected source above");
    }

    @Test
    void chronicleLoadsTheShippedClassInsteadOfCompilingOne() throws Exception {
        Class<?> valueModel = Class.forName("net.openhft.chronicle.values.ValueModel");
        Object model = valueModel.getMethod("acquire", Class.class).invoke(null, Class.forName(STATE));
        Class<?> used = (Class<?>) valueModel.getMethod("nativeClass").invoke(model);
        // A class Chronicle compiles in memory is defined without a code source; one from the class path has one.
        assertNotNull(
                used.getProtectionDomain().getCodeSource(), "compiled at run time, not loaded from the class path");
        assertEquals(
                Path.of("target/classes").toAbsolutePath(),
                Path.of(used.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
}
