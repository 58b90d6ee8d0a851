package hk.seamless.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void embeddedDefaultsAreTheRealWorldFigures() {
        EngineConfig config = new ConfigLoader(Map.of()).load(null);
        assertEquals(8080, config.server().httpPort());
        assertEquals(Path.of("data"), config.server().dataDir());
        assertEquals(Duration.ofMinutes(30), config.rules().bundlingLead());
        assertEquals(Period.ofDays(14), config.rules().lodgementWindow());
        assertEquals(0.03, config.rules().randomInspectionRate());
        assertEquals(Duration.ofSeconds(1), config.rules().fusionWindow());
        assertEquals(6, config.controlPoints().size());
        assertTrue(config.controlPoints().stream()
                .allMatch(cp -> cp.lanes().stream().anyMatch(l -> l.direction() == Direction.IMPORT)
                        && cp.lanes().stream().anyMatch(l -> l.direction() == Direction.EXPORT)));
    }

    @Test
    void environmentOverridesTheFileWhichOverridesTheDefaults() throws Exception {
        Path file = dir.resolve("seamless.json");
        Files.writeString(file, "{\"httpPort\": 9000, \"bundlingLead\": \"PT45M\", \"randomInspectionRate\": 0.1}");
        EngineConfig config =
                new ConfigLoader(Map.of("SEAMLESS_HTTP_PORT", "9100", "SEAMLESS_RANDOM_SEED", "42")).load(file);
        assertEquals(9100, config.server().httpPort());
        assertEquals(Duration.ofMinutes(45), config.rules().bundlingLead());
        assertEquals(0.1, config.rules().randomInspectionRate());
        assertEquals(42, config.rules().randomSeed().getAsLong());
    }

    @Test
    void anEmptyEnvironmentVariableIsNotSetAndAnEmptyFileKeyIsRefused() throws Exception {
        Path file = dir.resolve("blank.json");
        Files.writeString(file, "{\"bundlingLead\": \"PT5M\", \"httpPort\": 9000}");
        EngineConfig config =
                new ConfigLoader(Map.of("SEAMLESS_BUNDLING_LEAD", "", "SEAMLESS_HTTP_PORT", "  ")).load(file);
        assertEquals(Duration.ofMinutes(5), config.rules().bundlingLead(), "the file's value, not the default");
        assertEquals(9000, config.server().httpPort());
        Files.writeString(file, "{\"httpPort\": \"\"}");
        ConfigException empty = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file));
        assertTrue(empty.getMessage().contains("'httpPort' is empty"), empty.getMessage());
        Files.writeString(file, "{\"bundlingLead\": null}");
        assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file));
    }

    /** The file is what the next start without the variable reads: a bad value in it is refused all the same. */
    @Test
    void aBadFileValueIsRefusedEvenWhenTheEnvironmentOverridesIt() throws Exception {
        Path file = dir.resolve("overridden.json");
        Map<String, String> contents = Map.of(
                "{\"bundlingLead\": \"\"}", "SEAMLESS_BUNDLING_LEAD",
                "{\"randomInspectionRate\": 1.5}", "SEAMLESS_RANDOM_INSPECTION_RATE",
                "{\"httpPort\": \"abc\"}", "SEAMLESS_HTTP_PORT");
        for (Map.Entry<String, String> bad : contents.entrySet()) {
            Files.writeString(file, bad.getKey());
            Map<String, String> env = Map.of(bad.getValue(), bad.getValue().endsWith("PORT") ? "9100" : "PT1M");
            Map<String, String> goodEnv = bad.getValue().endsWith("RATE") ? Map.of(bad.getValue(), "0.1") : env;
            ConfigException refused =
                    assertThrows(ConfigException.class, () -> new ConfigLoader(goodEnv).load(file), bad.getKey());
            assertTrue(refused.getMessage().contains("config file key"), refused.getMessage());
        }
    }

    @Test
    void aMisspeltVariableIsNamedForAWarningAndEveryDocumentedOneIsASetting() throws Exception {
        ConfigLoader misspelt = new ConfigLoader(
                Map.of("SEAMLESS_BUNDLING_LEED", "PT1M", "SEAMLESS_BUNDLING_LEAD", "PT5M", "PATH", "/bin"));
        assertEquals(Duration.ofMinutes(5), misspelt.load(null).rules().bundlingLead());
        assertEquals(List.of("SEAMLESS_BUNDLING_LEED"), misspelt.unreadVariables());

        // Every variable the README names, set blank (which reads as not set): none is left unread
        // (the tests' own, such as SEAMLESS_REQUIRE_BROWSER, are not warned of either).
        java.util.Set<String> documented = new java.util.TreeSet<>();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("SEAMLESS_[A-Z_]+[A-Z]")
                .matcher(Files.readString(Path.of("..", "README.md")));
        while (names.find()) {
            documented.add(names.group());
        }
        // Read by Logback, refused with its own message, and the README's own example of a misspelling.
        documented.removeAll(java.util.Set.of(
                "SEAMLESS_LOG_FORMAT", "SEAMLESS_LOG_LEVEL", "SEAMLESS_STORE_CAPACITY", "SEAMLESS_BUNDLING_LEED"));
        assertTrue(documented.size() > 30, documented.toString());
        Map<String, String> blank = new java.util.HashMap<>();
        documented.forEach(name -> blank.put(name, ""));
        ConfigLoader all = new ConfigLoader(blank);
        all.load(null);
        assertEquals(List.of(), all.unreadVariables());
    }

    @Test
    void connectionTimeoutsAndUploadBoundsAreSettings() throws Exception {
        HttpLimits defaults = new ConfigLoader(Map.of()).load(null).http();
        assertEquals(Duration.ofSeconds(10), defaults.headerTimeout());
        assertEquals(2, defaults.uploadsPerAccount());
        Path file = dir.resolve("limits.json");
        Files.writeString(file, "{\"bodyTimeout\": \"PT2M\", \"uploadsInFlight\": 3}");
        HttpLimits limits = new ConfigLoader(
                        Map.of("SEAMLESS_HEADER_TIMEOUT", "PT5S", "SEAMLESS_UPLOADS_PER_ACCOUNT", "1"))
                .load(file)
                .http();
        assertEquals(Duration.ofSeconds(5), limits.headerTimeout());
        assertEquals(Duration.ofMinutes(2), limits.bodyTimeout());
        assertEquals(3, limits.uploadsInFlight());
        assertEquals(1, limits.uploadsPerAccount());
        ConfigException zero = assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_IDLE_TIMEOUT", "PT0S")).load(null));
        assertTrue(zero.getMessage().contains("idleTimeout"), zero.getMessage());
    }

    @Test
    void aBadValueStopsTheStartNamingTheSetting() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> new ConfigLoader(Map.of("SEAMLESS_RANDOM_INSPECTION_RATE", "1.5")).load(null));
        assertTrue(e.getMessage().contains("SEAMLESS_RANDOM_INSPECTION_RATE"), e.getMessage());
        assertThrows(
                ConfigException.class,
                () -> new ConfigLoader(Map.of("SEAMLESS_BUNDLING_LEAD", "30 minutes")).load(null));
        assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_ADMIN_TOKEN", "short")).load(null));
    }

    @Test
    void controlPointsAndLanesComeFromTheFile() throws Exception {
        Path file = dir.resolve("seamless.json");
        Files.writeString(file, """
                {"controlPoints": [{"code": "LMC", "name": "Lok Ma Chau", "randomInspectionRate": 0.5,
                  "lanes": [{"id": "LMC-S-01", "direction": "IMPORT"},
                            {"id": "LMC-N-01", "direction": "EXPORT", "rfidReader": false}]}]}""");
        EngineConfig config = new ConfigLoader(Map.of()).load(file);
        ControlPoint lmc = config.controlPoints().get(0);
        assertEquals(0.5, lmc.randomInspectionRate());
        assertEquals(
                new Lane("LMC-N-01", "LMC", Direction.EXPORT, false),
                lmc.lanes().get(1));
        assertTrue(lmc.lanes().get(0).rfidReader(), "a lane has a reader unless the file says not");
    }

    @Test
    void aBadControlPointStopsTheStartNamingThePlaceInTheFile() throws Exception {
        // Each of these was a ClassCastException or an IllegalArgumentException without a name before.
        Map<String, String> cases = Map.of(
                "[{\"code\": \"LMC\", \"lanes\": [\"LMC-S-01\"]}]",
                "controlPoints[0].lanes[0]",
                "[{\"code\": \"LMC\", \"lanes\": [{\"id\": \"LMC-S-01\", \"direction\": \"SOUTH\"}]}]",
                "controlPoints[0].lanes[0].direction",
                "[{\"code\": \"LMC\", \"lanes\": [{\"id\": \"LMC-S-01\", \"direction\": \"IMPORT\", \"rfidReader\": \"yes\"}]}]",
                "controlPoints[0].lanes[0].rfidReader",
                "[{\"code\": \"LMC\", \"randomInspectionRate\": \"high\", \"lanes\": [{\"id\": \"A\", \"direction\": \"IMPORT\"}]}]",
                "controlPoints[0].randomInspectionRate",
                "[{\"code\": 7, \"lanes\": []}]",
                "controlPoints[0].code",
                "[{\"code\": \"LMC\", \"lanes\": []}]",
                "controlPoints[0].lanes",
                "[{\"code\": \"A\", \"lanes\": [{\"id\": \"X-1\", \"direction\": \"IMPORT\"}]},"
                        + " {\"code\": \"B\", \"lanes\": [{\"id\": \"X-1\", \"direction\": \"EXPORT\"}]}]",
                "controlPoints[1].lanes[0].id",
                "{\"LMC\": 4}",
                "controlPoints");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = dir.resolve("seamless.json");
            Files.writeString(file, "{\"controlPoints\": " + c.getKey() + "}");
            ConfigException e =
                    assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file), c.getKey());
            assertTrue(e.getMessage().contains("'" + c.getValue() + "'"), c.getValue() + " <- " + e.getMessage());
        }
    }

    @Test
    void aMistypedKeyOrAnImpossibleIntervalStopsTheStart() throws Exception {
        Path file = dir.resolve("seamless.json");
        Files.writeString(file, "{\"httpPort\": 9000, \"bundlinglead\": \"PT0S\"}");
        ConfigException typo = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file));
        assertTrue(typo.getMessage().contains("'bundlinglead' is not a setting"), typo.getMessage());
        ConfigException tick = assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_TICK_INTERVAL", "PT0S")).load(null));
        assertTrue(tick.getMessage().contains("SEAMLESS_TICK_INTERVAL"), tick.getMessage());
        ConfigException port = assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_HTTP_PORT", "eighty")).load(null));
        assertTrue(
                port.getMessage().contains("SEAMLESS_HTTP_PORT")
                        && port.getMessage().contains("not a number"),
                port.getMessage());
        assertEquals(
                Duration.ofHours(2),
                new ConfigLoader(Map.of("SEAMLESS_SESSION_LIFETIME", "PT2H"))
                        .load(null)
                        .accounts()
                        .sessionLifetime());
    }

    @Test
    void theLogFormatAndLevelAreCheckedToo() {
        ConfigException format = assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_LOG_FORMAT", "xml")).load(null));
        assertTrue(format.getMessage().contains("SEAMLESS_LOG_FORMAT"), format.getMessage());
        assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_LOG_LEVEL", "verbose")).load(null));
        new ConfigLoader(Map.of("SEAMLESS_LOG_FORMAT", "json", "SEAMLESS_LOG_LEVEL", "DEBUG")).load(null);
    }

    @Test
    void theLogsSegmentsCheckpointsAndRetentionAreSettings() throws Exception {
        hk.seamless.config.LogSettings defaults =
                new ConfigLoader(Map.of()).load(null).log();
        assertEquals(64L * 1024 * 1024, defaults.segmentBytes());
        assertEquals(Duration.ofMinutes(5), defaults.checkpointInterval());
        assertEquals(100_000, defaults.checkpointChanges());
        assertEquals(null, defaults.archiveRetention(), "customs keep records for years: never deleted unless set");
        Path file = Files.createTempFile("seamless", ".json");
        Files.writeString(file, "{\"logSegmentBytes\": 8388608, \"checkpointChanges\": 5000}");
        hk.seamless.config.LogSettings set = new ConfigLoader(
                        Map.of("SEAMLESS_CHECKPOINT_INTERVAL", "PT1M", "SEAMLESS_ARCHIVE_RETENTION", "P3650D"))
                .load(file)
                .log();
        assertEquals(8L * 1024 * 1024, set.segmentBytes());
        assertEquals(5000, set.checkpointChanges());
        assertEquals(Duration.ofMinutes(1), set.checkpointInterval());
        assertEquals(Duration.ofDays(3650), set.archiveRetention());
        ConfigException tiny = assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_LOG_SEGMENT_BYTES", "1000")).load(null));
        assertTrue(tiny.getMessage().contains("SEAMLESS_LOG_SEGMENT_BYTES"), tiny.getMessage());
        assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_ARCHIVE_RETENTION", "PT1H")).load(null));
        assertThrows(
                ConfigException.class, () -> new ConfigLoader(Map.of("SEAMLESS_CHECKPOINT_CHANGES", "0")).load(null));
    }
}
