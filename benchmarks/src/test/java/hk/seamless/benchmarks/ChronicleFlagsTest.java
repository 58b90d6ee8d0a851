package hk.seamless.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The forked benchmark JVMs must get the same --add-opens/--add-exports as the engine does in
 * production; the list is written out in each @Fork (annotations take only constants), so this
 * catches it drifting from chronicle.jvm.flags in the parent pom.
 */
class ChronicleFlagsTest {

    @Test
    void forkFlagsMatchTheParentPom() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ChronicleFlagsTest.class.getResourceAsStream("/chronicle-flags.properties")) {
            p.load(in);
        }
        List<String> expected = List.of(p.getProperty("jvm.flags").trim().split("\\s+"));
        for (Class<?> benchmark : List.of(RegistryRulesBenchmark.class, StoreBenchmark.class)) {
            assertEquals(expected, List.of(benchmark.getAnnotation(Fork.class).jvmArgsAppend()), benchmark.getSimpleName());
        }
    }
}
