package hk.seamless.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores are sized from the retention period and the daily traffic; the old single capacity is refused. */
class StoreSizingConfigTest {

    @TempDir
    Path dir;

    @Test
    void retentionAndDailyTrafficHaveDefaultsAndCanBeSet() throws Exception {
        EngineConfig defaults = new ConfigLoader(Map.of()).load(null);
        assertEquals(Duration.ofDays(90), defaults.retention());
        assertEquals(1_000, defaults.sizing().dailyConsignments());

        Path file = dir.resolve("seamless.json");
        Files.writeString(file, "{\"retention\": \"P30D\", \"dailyConsignments\": 5000}");
        EngineConfig fromFile = new ConfigLoader(Map.of()).load(file);
        assertEquals(Duration.ofDays(30), fromFile.retention());
        assertEquals(5_000, fromFile.sizing().dailyConsignments());

        EngineConfig fromEnv = new ConfigLoader(
                        Map.of("SEAMLESS_RETENTION", "P180D", "SEAMLESS_DAILY_CONSIGNMENTS", "80000"))
                .load(file);
        assertEquals(Duration.ofDays(180), fromEnv.retention());
        assertEquals(80_000, fromEnv.sizing().dailyConsignments());
    }

    @Test
    void badSizingValuesStopTheStartNamingTheSetting() {
        ConfigException shortRetention = assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_RETENTION", "PT1H")).load(null));
        assertTrue(shortRetention.getMessage().contains("SEAMLESS_RETENTION"), shortRetention.getMessage());
        ConfigException notADuration = assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_RETENTION", "90 days")).load(null));
        assertTrue(notADuration.getMessage().contains("SEAMLESS_RETENTION"), notADuration.getMessage());
        ConfigException zero = assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_DAILY_CONSIGNMENTS", "0")).load(null));
        assertTrue(zero.getMessage().contains("SEAMLESS_DAILY_CONSIGNMENTS"), zero.getMessage());
    }

    @Test
    void theOldStoreCapacityIsRefusedNamingWhatReplacesIt() throws Exception {
        ConfigException fromEnv = assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_STORE_CAPACITY", "200000")).load(null));
        assertTrue(
                fromEnv.getMessage().contains("SEAMLESS_STORE_CAPACITY is no longer a setting"), fromEnv.getMessage());
        assertTrue(
                fromEnv.getMessage().contains("SEAMLESS_RETENTION")
                        && fromEnv.getMessage().contains("SEAMLESS_DAILY_CONSIGNMENTS"),
                fromEnv.getMessage());

        Path file = dir.resolve("old.json");
        Files.writeString(file, "{\"storeCapacity\": 200000}");
        ConfigException fromFile = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file));
        assertTrue(fromFile.getMessage().contains("'storeCapacity' is no longer a setting"), fromFile.getMessage());
    }
}
