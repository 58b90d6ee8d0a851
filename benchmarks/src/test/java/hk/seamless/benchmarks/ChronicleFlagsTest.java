package hk.seamless.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The forked benchmark JVMs must get the same --add-opens/--add-exports as the engine does in
 * production; the list is written out in each @Fork (annotations take only constants), so this
 * catches it drifting from chronicle.jvm.flags in the parent pom. Every class in JMH's generated
 * META-INF/BenchmarkList is checked, so a new benchmark class cannot be forgotten.
 */
class ChronicleFlagsTest {

    @Test
    void forkFlagsMatchTheParentPom() throws Exception {
        Properties p = new Properties();
        try (InputStream in = ChronicleFlagsTest.class.getResourceAsStream("/chronicle-flags.properties")) {
            p.load(in);
        }
        List<String> expected = List.of(p.getProperty("jvm.flags").trim().split("\\s+"));
        Set<String> classes = benchmarkClasses();
        assertTrue(
                classes.containsAll(List.of(
                        RegistryRulesBenchmark.class.getName(),
                        StoreBenchmark.class.getName(),
                        BundleLookupBenchmark.class.getName(),
                        PlateBenchmark.class.getName(),
                        RedisLookupBenchmark.class.getName(),
                        "hk.seamless.pipeline.HandOffBenchmark")),
                classes.toString());
        for (String name : classes) {
            Fork fork = Class.forName(name).getAnnotation(Fork.class);
            assertNotNull(fork, name + " has no @Fork with the Chronicle flags");
            assertEquals(expected, List.of(fork.jvmArgsAppend()), name);
        }
    }

    private static Set<String> benchmarkClasses() throws IOException {
        Set<String> classes = new TreeSet<>();
        try (InputStream in = ChronicleFlagsTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            assertNotNull(in, "JMH's annotation processor wrote no " + BenchmarkList.BENCHMARK_LIST);
            for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
                classes.add(entry.getUserClassQName());
            }
        }
        return classes;
    }
}
