package hk.seamless.engine;

import hk.seamless.config.EngineConfig;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.StoreSizes;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.Journal;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.StoreName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A process killed between appending a change to the journal and applying it to the maps must not
 * lose it: after an unclean stop the engine replays the journal over the maps, and the lane view
 * is rebuilt from the same changes.
 */
class JournalReplayTest {

    @TempDir
    Path data;

    @Test
    void anUncleanStopReplaysJournalledChangesTheMapsNeverSaw() throws Exception {
        EngineConfig config = EngineConfig.defaults().withHttpPort(0).withDataDir(data).withDailyConsignments(100);
        String bundle = "{\"id\":\"B1\",\"trucker\":\"T1\",\"vehicleMark\":\"FU1234\",\"vehicleMarkDisplay\":\"FU 1234\","
                + "\"direction\":\"IMPORT\",\"ccrns\":[],\"empty\":true,\"status\":\"ACTIVE\","
                + "\"bundledAt\":\"2026-11-26T02:00:00Z\",\"earliestCrossingAt\":\"2026-11-26T02:30:00Z\"}";
        RegistryChange change = new RegistryChange(1, Instant.parse("2026-11-26T02:00:00Z"), "T1",
                List.of(new RegistryChange.AuditEvent("BUNDLED", "B1", "test")),
                List.of(new RegistryChange.Write(StoreName.BUNDLES, "B1", bundle),
                        new RegistryChange.Write(StoreName.ACTIVE_BUNDLES, "FU1234|IMPORT", "B1")));
        // The journal got the change; the maps did not (the kill came in between).
        ChronicleStores.open(data, StoreSizes.forDailyConsignments(100)).close();
        try (Journal journal = Journal.open(data.resolve("journal").resolve("registry.journal"), true, b -> { })) {
            journal.append(JsonCodec.writeBytes(change));
        }
        Files.writeString(data.resolve("stores").resolve("OPEN"), "killed");

        try (Engine engine = Engine.start(config, Clock.systemUTC())) {
            assertEquals(1, engine.port() > 0 ? 1 : 0);
        }
        try (ChronicleStores stores = ChronicleStores.open(data, StoreSizes.forDailyConsignments(100))) {
            assertEquals(bundle, stores.store(StoreName.BUNDLES).get("B1"));
            assertEquals("B1", stores.store(StoreName.ACTIVE_BUNDLES).get("FU1234|IMPORT"));
            String laneView = stores.store(StoreName.LANE_BUNDLES).get("FU1234|IMPORT");
            assertEquals("B1", laneView.substring(0, laneView.indexOf('\u001F')), "the lane side's view was rebuilt too");
        }
    }

    @Test
    void aCleanStopNeedsNoReplayAndLeavesNoMarker() throws Exception {
        EngineConfig config = EngineConfig.defaults().withHttpPort(0).withDataDir(data).withDailyConsignments(100);
        try (Engine engine = Engine.start(config, Clock.systemUTC())) {
            assertEquals(true, Files.exists(data.resolve("stores").resolve("OPEN")));
        }
        assertEquals(false, Files.exists(data.resolve("stores").resolve("OPEN")));
        try (ChronicleStores stores = ChronicleStores.open(data, StoreSizes.forDailyConsignments(100))) {
            assertNull(stores.store(StoreName.BUNDLES).get("B1"));
        }
    }

    @Test
    void replayAfterAnUncleanStopSkipsAChangeTheJournalSaysWasAborted() throws Exception {
        EngineConfig config = EngineConfig.defaults().withHttpPort(0).withDataDir(data).withDailyConsignments(100);
        Instant at = Instant.parse("2026-11-26T02:00:00Z");
        RegistryChange kept = new RegistryChange(1, at, "T1", List.of(),
                List.of(new RegistryChange.Write(StoreName.IDEMPOTENCY, "T1|k1", "kept")));
        RegistryChange refused = new RegistryChange(2, at, "T1", List.of(),
                List.of(new RegistryChange.Write(StoreName.IDEMPOTENCY, "T1|k1", "refused"),
                        new RegistryChange.Write(StoreName.IDEMPOTENCY, "T1|k2", "refused")));
        RegistryChange abort = new RegistryChange(3, at, "T1",
                List.of(new RegistryChange.AuditEvent(RegistryChange.ABORTED, "2", "the idempotency store is full")), List.of());
        ChronicleStores.open(data, StoreSizes.forDailyConsignments(100)).close();
        try (Journal journal = Journal.open(data.resolve("journal").resolve("registry.journal"), true, b -> { })) {
            journal.append(JsonCodec.writeBytes(kept));
            journal.append(JsonCodec.writeBytes(refused));
            journal.append(JsonCodec.writeBytes(abort));
        }
        Files.writeString(data.resolve("stores").resolve("OPEN"), "killed");

        Engine.start(config, Clock.systemUTC()).close();

        try (ChronicleStores stores = ChronicleStores.open(data, StoreSizes.forDailyConsignments(100))) {
            assertEquals("kept", stores.store(StoreName.IDEMPOTENCY).get("T1|k1"));
            assertNull(stores.store(StoreName.IDEMPOTENCY).get("T1|k2"));
        }
    }

    @Test
    void aStartThatFailsKeepsTheUncleanStopMarkerSoTheNextStartRecovers() throws Exception {
        Files.createDirectories(data.resolve("stores"));
        Files.writeString(data.resolve("stores").resolve("OPEN"), "killed");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            EngineConfig config = EngineConfig.defaults().withHttpPort(taken.getLocalPort()).withDataDir(data)
                    .withDailyConsignments(100);
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> Engine.start(config, Clock.systemUTC()));
        }
        assertEquals(true, Files.exists(data.resolve("stores").resolve("OPEN")),
                "a failed start must not clear the marker: its replay may be half done");
    }
}
