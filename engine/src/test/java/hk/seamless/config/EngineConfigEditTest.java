package hk.seamless.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Each {@code withX} changes what it names and carries every other setting over untouched. */
class EngineConfigEditTest {

    private final EngineConfig defaults = EngineConfig.defaults();

    @Test
    void eachChangeChangesOnlyWhatItNames() throws Exception {
        assertChanged(defaults.withHttpPort(1), "server.httpPort");
        assertChanged(defaults.withDataDir(Path.of("elsewhere")), "server.dataDir");
        assertChanged(defaults.withDailyConsignments(5), "sizing");
        assertChanged(defaults.withAdminToken("a-token"), "server.adminToken");
        assertChanged(
                defaults.withRandomSelection(0.5, OptionalLong.of(3)),
                "rules.randomInspectionRate",
                "rules.randomSeed",
                "controlPoints");
        assertChanged(
                defaults.withControlPoints(List.of(defaults.controlPoints().get(0))), "controlPoints");
        PipelineSettings p = defaults.pipeline();
        assertChanged(
                defaults.withPipeline(new PipelineSettings(
                        p.ringSize() * 2,
                        p.plateConfidenceThreshold(),
                        p.waitStrategy(),
                        p.releaseValidity(),
                        p.tickInterval(),
                        p.presenceWindow())),
                "pipeline");
        assertChanged(defaults.withLog(new LogSettings(1 << 20, true, Duration.ofMinutes(1), 10, null)), "log");
    }

    @Test
    void aChangeKeepsTheChecksOfAConfiguration() {
        org.junit.jupiter.api.Assertions.assertThrows(
                ConfigException.class, () -> defaults.withIvrsSigning("a-secret-of-enough-length-for-the-test", null));
    }

    /**
     * Every setting that differs is one of {@code names}, and each of them differs. A name is a setting
     * of a group ({@code "server.httpPort"}), a group as a whole ({@code "log"}: any of its settings),
     * or a setting that is no record ({@code "controlPoints"}).
     */
    private void assertChanged(EngineConfig changed, String... names) throws Exception {
        Set<String> differing = new TreeSet<>();
        for (String setting : differingSettings(defaults, changed)) {
            differing.add(List.of(names).stream()
                    .filter(n -> setting.equals(n) || setting.startsWith(n + "."))
                    .findFirst()
                    .orElse(setting));
        }
        assertEquals(new TreeSet<>(List.of(names)), differing);
    }

    /** The settings that differ, each named by its group and itself: "server.httpPort". */
    private static Set<String> differingSettings(Record before, Record after) throws Exception {
        Set<String> differing = new TreeSet<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            Object was = c.getAccessor().invoke(before);
            Object is = c.getAccessor().invoke(after);
            if (Objects.equals(was, is)) {
                continue;
            }
            if (was instanceof Record group && is instanceof Record) {
                for (String setting : differingSettings(group, (Record) is)) {
                    differing.add(c.getName() + "." + setting);
                }
            } else {
                differing.add(c.getName());
            }
        }
        return differing;
    }
}
