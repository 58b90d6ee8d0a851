package hk.seamless.config;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each {@code withX} changes what it names and carries every other setting over untouched. */
class EngineConfigEditTest {

    private final EngineConfig defaults = EngineConfig.defaults();

    @Test
    void eachChangeChangesOnlyWhatItNames() throws Exception {
        assertChanged(defaults.withHttpPort(1), "httpPort");
        assertChanged(defaults.withDataDir(Path.of("elsewhere")), "dataDir");
        assertChanged(defaults.withDailyConsignments(5), "sizing");
        assertChanged(defaults.withAdminToken("a-token"), "adminToken");
        assertChanged(defaults.withRandomSelection(0.5, OptionalLong.of(3)), "randomInspectionRate", "randomSeed",
                "controlPoints");
        assertChanged(defaults.withControlPoints(List.of(defaults.controlPoints().get(0))), "controlPoints");
        PipelineSettings p = defaults.pipeline();
        assertChanged(defaults.withPipeline(new PipelineSettings(p.ringSize() * 2, p.plateConfidenceThreshold(),
                p.waitStrategy(), p.releaseValidity(), p.tickInterval(), p.presenceWindow())), "pipeline");
        assertChanged(defaults.withLog(new LogSettings(1 << 20, true, Duration.ofMinutes(1), 10, null)), "log");
    }

    @Test
    void aChangeKeepsTheChecksOfAConfiguration() {
        org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> defaults.withIvrsSigning("a-secret-of-enough-length-for-the-test", null));
    }

    private void assertChanged(EngineConfig changed, String... names) throws Exception {
        Set<String> differing = new TreeSet<>();
        for (RecordComponent c : EngineConfig.class.getRecordComponents()) {
            if (!Objects.equals(c.getAccessor().invoke(defaults), c.getAccessor().invoke(changed))) {
                differing.add(c.getName());
            }
        }
        assertEquals(new TreeSet<>(List.of(names)), differing);
    }
}
