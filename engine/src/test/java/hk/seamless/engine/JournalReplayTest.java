package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.LogSettings;
import hk.seamless.log.LogEntry;
import hk.seamless.log.LogReader;
import hk.seamless.log.SegmentedLog;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.StoreName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed between appending a change to the registry log and applying it to the maps must
 * not lose it: the engine replays the log after the checkpoint over the maps, and the lane view is
 * rebuilt from the same changes. A data folder of the previous version (one journal file) is
 * imported at the first start.
 */
class JournalReplayTest {

    private static final Instant AT = Instant.parse("2026-11-26T02:00:00Z");
    private static final String BUNDLE =
            "{\"id\":\"B1\",\"trucker\":\"T1\",\"vehicleMark\":\"FU1234\",\"vehicleMarkDisplay\":\"FU 1234\","
                    + "\"direction\":\"IMPORT\",\"ccrns\":[],\"empty\":true,\"status\":\"ACTIVE\","
                    + "\"bundledAt\":\"2026-11-26T02:00:00Z\",\"earliestCrossingAt\":\"2026-11-26T02:30:00Z\"}";

    @TempDir
    Path data;

    private EngineConfig config() {
        return EngineConfig.defaults().withHttpPort(0).withDataDir(data).withDailyConsignments(100);
    }

    private static RegistryChange bundled(long sequence) {
        return new RegistryChange(
                sequence,
                AT,
                "T1",
                List.of(new RegistryChange.AuditEvent("BUNDLED", "B1", "test")),
                List.of(
                        new RegistryChange.Write(StoreName.BUNDLES, "B1", BUNDLE),
                        new RegistryChange.Write(StoreName.ACTIVE_BUNDLES, "FU1234|IMPORT", "B1")));
    }

    /** The kept change, the refused one and the entry that takes it back. */
    private static List<RegistryChange> keptRefusedAborted() {
        RegistryChange kept = new RegistryChange(
                1, AT, "T1", List.of(), List.of(new RegistryChange.Write(StoreName.IDEMPOTENCY, "T1|k1", "kept")));
        RegistryChange refused = new RegistryChange(
                2,
                AT,
                "T1",
                List.of(),
                List.of(
                        new RegistryChange.Write(StoreName.IDEMPOTENCY, "T1|k1", "refused"),
                        new RegistryChange.Write(StoreName.IDEMPOTENCY, "T1|k2", "refused")));
        RegistryChange abort = new RegistryChange(
                3,
                AT,
                "T1",
                List.of(new RegistryChange.AuditEvent(RegistryChange.ABORTED, "2", "the idempotency store is full")),
                List.of());
        return List.of(kept, refused, abort);
    }

    private void appendToLog(List<RegistryChange> changes) {
        try (SegmentedLog log = SegmentedLog.open(
                data.resolve("log").resolve("registry"), LogSettings.defaults(), Clock.systemUTC(), e -> {})) {
            changes.forEach(c -> log.append(JsonCodec.writeBytes(c)));
        }
    }

    /** The previous version's journal: {@code [length:int][crc32c(payload):int][payload]} frames in one file. */
    private void writeOldJournal(List<RegistryChange> changes) throws IOException {
        Files.createDirectories(data.resolve("journal"));
        try (var out = Files.newOutputStream(data.resolve("journal").resolve("registry.journal"))) {
            for (RegistryChange change : changes) {
                byte[] payload = JsonCodec.writeBytes(change);
                CRC32C crc = new CRC32C();
                crc.update(payload);
                out.write(ByteBuffer.allocate(8)
                        .putInt(payload.length)
                        .putInt((int) crc.getValue())
                        .array());
                out.write(payload);
            }
        }
    }

    private void markKilled() throws IOException {
        Files.writeString(data.resolve("stores").resolve("OPEN"), "killed");
    }

    private void assertBundleIsBack() {
        try (ChronicleStores stores =
                ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            assertEquals(BUNDLE, stores.store(StoreName.BUNDLES).get("B1"));
            assertEquals("B1", stores.store(StoreName.ACTIVE_BUNDLES).get("FU1234|IMPORT"));
            hk.seamless.lane.BundleAtLane laneView = new hk.seamless.lane.BundleAtLane();
            assertTrue(
                    new hk.seamless.lane.LaneView(stores)
                            .activeBundle("FU1234", hk.seamless.config.Direction.IMPORT, laneView),
                    "the lane side's view was rebuilt too");
            StringBuilder id = new StringBuilder();
            laneView.id(id);
            assertEquals("B1", id.toString());
        }
    }

    @Test
    void anUncleanStopReplaysLoggedChangesTheMapsNeverSaw() throws Exception {
        // The log got the change; the maps did not (the kill came in between).
        ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))
                .close();
        appendToLog(List.of(bundled(1)));
        markKilled();

        Engine.start(config(), Clock.systemUTC()).close();

        assertBundleIsBack();
    }

    @Test
    void aCleanStopNeedsNoReplayAndLeavesNoMarker() throws Exception {
        try (Engine engine = Engine.start(config(), Clock.systemUTC())) {
            assertEquals(true, Files.exists(data.resolve("stores").resolve("OPEN")));
        }
        assertEquals(false, Files.exists(data.resolve("stores").resolve("OPEN")));
        try (ChronicleStores stores =
                ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            assertNull(stores.store(StoreName.BUNDLES).get("B1"));
        }
    }

    @Test
    void aCleanRestartReplaysNothingAndAKillReplaysOnlyWhatFollowsTheCheckpoint() throws Exception {
        Engine.start(config(), Clock.systemUTC()).close();
        long checkpointed;
        try (ChronicleStores stores =
                ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            RegistryLogStart.Opened opened =
                    RegistryLogStart.open(config(), stores, true, List.of(), Clock.systemUTC());
            try (SegmentedLog log = opened.log()) {
                assertEquals(0, opened.replayed(), "a clean stop checkpointed: a clean restart replays nothing");
                assertEquals(0, log.openReport().entriesRead());
                assertTrue(log.lastSequence() > 0, "the start wrote the admin account");
                assertNotNull(log.lastCheckpoint());
                checkpointed = log.lastCheckpoint().sequence();
                assertEquals(log.lastSequence(), checkpointed);
                log.append(JsonCodec.writeBytes(bundled(log.nextSequence())));
                log.append(JsonCodec.writeBytes(bundled(log.nextSequence())));
            }
        }
        markKilled();
        try (ChronicleStores stores =
                ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            RegistryLogStart.Opened opened =
                    RegistryLogStart.open(config(), stores, true, List.of(), Clock.systemUTC());
            try (SegmentedLog log = opened.log()) {
                assertEquals(2, opened.replayed(), "only the two entries after the checkpoint at " + checkpointed);
                assertEquals(BUNDLE, stores.store(StoreName.BUNDLES).get("B1"));
            }
        }
    }

    @Test
    void replayAfterAnUncleanStopSkipsAChangeTheLogSaysWasAborted() throws Exception {
        ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))
                .close();
        appendToLog(keptRefusedAborted());
        markKilled();

        Engine.start(config(), Clock.systemUTC()).close();

        try (ChronicleStores stores =
                ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            assertEquals("kept", stores.store(StoreName.IDEMPOTENCY).get("T1|k1"));
            assertNull(stores.store(StoreName.IDEMPOTENCY).get("T1|k2"));
        }
    }

    @Test
    void thePreviousVersionsJournalIsImportedWithItsSequencesAndReplayedAfterAKill() throws Exception {
        ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))
                .close();
        List<RegistryChange> old = new java.util.ArrayList<>(keptRefusedAborted());
        old.add(bundled(4));
        writeOldJournal(old);
        markKilled();

        Engine.start(config(), Clock.systemUTC()).close();

        assertBundleIsBack();
        try (ChronicleStores stores =
                ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            assertEquals("kept", stores.store(StoreName.IDEMPOTENCY).get("T1|k1"));
            assertNull(stores.store(StoreName.IDEMPOTENCY).get("T1|k2"), "the aborted change stays out");
        }
        assertFalse(Files.exists(data.resolve("journal").resolve("registry.journal")));
        assertTrue(Files.exists(data.resolve("journal").resolve("registry.journal.imported")), "the old file is kept");
        try (Stream<LogEntry> entries =
                LogReader.of(data.resolve("log").resolve("registry")).forward(1)) {
            List<LogEntry> all = entries.toList();
            assertTrue(all.size() > 4, "the old entries, then this start's own");
            for (LogEntry e : all) {
                assertEquals(
                        e.sequence(),
                        JsonCodec.read(e.payload(), RegistryChange.class).sequence(),
                        "a change's sequence is its place in the log");
            }
        }
    }

    @Test
    void anOldJournalBesideCleanMapsIsImportedAndCheckpointedSoTheNextStartReadsNothing() throws Exception {
        try (ChronicleStores stores =
                ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            // The old engine stopped cleanly: its maps already hold what its journal says.
            stores.store(StoreName.BUNDLES).put("B1", BUNDLE);
        }
        writeOldJournal(List.of(bundled(1)));

        Engine.start(config(), Clock.systemUTC()).close();

        try (ChronicleStores stores =
                ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            assertEquals(BUNDLE, stores.store(StoreName.BUNDLES).get("B1"));
            RegistryLogStart.Opened opened =
                    RegistryLogStart.open(config(), stores, true, List.of(), Clock.systemUTC());
            try (SegmentedLog log = opened.log()) {
                assertEquals(0, opened.replayed());
                assertTrue(log.lastSequence() > 1);
            }
        }
        assertTrue(Files.exists(data.resolve("journal").resolve("registry.journal.imported")));
    }

    @Test
    void mapsDeletedToBeRebuiltGetTheWholeLogBack() throws Exception {
        ChronicleStores.open(data, hk.seamless.store.StoreSizes.forDailyConsignments(100))
                .close();
        appendToLog(List.of(bundled(1)));
        Engine.start(config(), Clock.systemUTC()).close();
        // The operator deletes the maps (say, to restore them from the log alone).
        try (Stream<Path> files = Files.list(data.resolve("stores"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".cm3"))
                    .toList()) {
                Files.delete(f);
            }
        }

        Engine.start(config(), Clock.systemUTC()).close();

        assertBundleIsBack();
    }

    @Test
    void aStartThatFailsKeepsTheUncleanStopMarkerSoTheNextStartRecovers() throws Exception {
        Files.createDirectories(data.resolve("stores"));
        Files.writeString(data.resolve("stores").resolve("OPEN"), "killed");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            EngineConfig config = EngineConfig.defaults()
                    .withHttpPort(taken.getLocalPort())
                    .withDataDir(data)
                    .withDailyConsignments(100);
            org.junit.jupiter.api.Assertions.assertThrows(
                    RuntimeException.class, () -> Engine.start(config, Clock.systemUTC()));
        }
        assertEquals(
                true,
                Files.exists(data.resolve("stores").resolve("OPEN")),
                "a failed start must not clear the marker: its replay may be half done");
    }
}
