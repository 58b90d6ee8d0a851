package hk.seamless.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void embeddedDefaultsAreTheRealWorldFigures() {
        EngineConfig config = new ConfigLoader(Map.of()).load(null);
        assertEquals(8080, config.httpPort());
        assertEquals(Path.of("data"), config.dataDir());
        assertEquals(Duration.ofMinutes(30), config.bundlingLead());
        assertEquals(Period.ofDays(14), config.lodgementWindow());
        assertEquals(0.03, config.randomInspectionRate());
        assertEquals(Duration.ofSeconds(1), config.fusionWindow());
        assertEquals(6, config.controlPoints().size());
        assertTrue(config.controlPoints().stream().allMatch(cp -> cp.lanes().stream().anyMatch(l -> l.direction() == Direction.IMPORT)
                && cp.lanes().stream().anyMatch(l -> l.direction() == Direction.EXPORT)));
    }

    @Test
    void environmentOverridesTheFileWhichOverridesTheDefaults() throws Exception {
        Path file = dir.resolve("seamless.json");
        Files.writeString(file, "{\"httpPort\": 9000, \"bundlingLead\": \"PT45M\", \"randomInspectionRate\": 0.1}");
        EngineConfig config = new ConfigLoader(Map.of("SEAMLESS_HTTP_PORT", "9100", "SEAMLESS_RANDOM_SEED", "42")).load(file);
        assertEquals(9100, config.httpPort());
        assertEquals(Duration.ofMinutes(45), config.bundlingLead());
        assertEquals(0.1, config.randomInspectionRate());
        assertEquals(42, config.randomSeed().getAsLong());
    }

    @Test
    void connectionTimeoutsAndUploadBoundsAreSettings() throws Exception {
        HttpLimits defaults = new ConfigLoader(Map.of()).load(null).http();
        assertEquals(Duration.ofSeconds(10), defaults.headerTimeout());
        assertEquals(2, defaults.uploadsPerAccount());
        Path file = dir.resolve("limits.json");
        Files.writeString(file, "{\"bodyTimeout\": \"PT2M\", \"uploadsInFlight\": 3}");
        HttpLimits limits = new ConfigLoader(Map.of("SEAMLESS_HEADER_TIMEOUT", "PT5S", "SEAMLESS_UPLOADS_PER_ACCOUNT", "1"))
                .load(file).http();
        assertEquals(Duration.ofSeconds(5), limits.headerTimeout());
        assertEquals(Duration.ofMinutes(2), limits.bodyTimeout());
        assertEquals(3, limits.uploadsInFlight());
        assertEquals(1, limits.uploadsPerAccount());
        ConfigException zero = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of("SEAMLESS_IDLE_TIMEOUT", "PT0S")).load(null));
        assertTrue(zero.getMessage().contains("idleTimeout"), zero.getMessage());
    }

    @Test
    void aBadValueStopsTheStartNamingTheSetting() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of("SEAMLESS_RANDOM_INSPECTION_RATE", "1.5")).load(null));
        assertTrue(e.getMessage().contains("SEAMLESS_RANDOM_INSPECTION_RATE"), e.getMessage());
        assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_BUNDLING_LEAD", "30 minutes")).load(null));
        assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_ADMIN_TOKEN", "short")).load(null));
    }
}
