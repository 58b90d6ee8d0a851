package hk.seamless.lane;

import static hk.seamless.lane.LaneFeedFixture.bundle;
import static hk.seamless.lane.LaneFeedFixture.consignment;
import static hk.seamless.lane.LaneViewComparison.assertLaneViewMatchesRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.access.Role;
import hk.seamless.config.Direction;
import hk.seamless.feed.FeedEntry;
import hk.seamless.feed.LaneChange;
import hk.seamless.http.LogCapture;
import hk.seamless.risk.WatchlistEntry;
import hk.seamless.risk.WatchlistKind;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.trade.Account;
import hk.seamless.trade.AccountStatus;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.Vehicle;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lane view that missed or failed a change is never left as it is: it is marked stale (hiding
 * every bundle, so trucks are inspected and never released on it) and rebuilt from the registry.
 */
class LaneFeedRecoveryTest {

    private static final String C1 = "2611111111111116";
    private static final String C2 = "2622222222222224";

    @TempDir
    Path dir;

    private LaneFeedFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    /** A registry with something of every kind the lane keeps. */
    private void fillRegistry() {
        f.run(tx -> {
            tx.put(
                    StoreName.VEHICLES,
                    "AB1234",
                    new Vehicle("AB1234", "AB 1234", "Atrucker", "E2001111", Instant.EPOCH));
            tx.put(StoreName.CONSIGNMENTS, C1, consignment(C1, ConsignmentStatus.BUNDLED, "B1"));
            tx.put(StoreName.CONSIGNMENTS, C2, consignment(C2, ConsignmentStatus.BUNDLED, "B1"));
            tx.put(StoreName.BUNDLES, "B1", bundle("B1", "AB1234", BundleStatus.ACTIVE, C1, C2));
            tx.put(StoreName.BUNDLES, "B0", bundle("B0", "CD5678", BundleStatus.UNBUNDLED));
            tx.put(
                    StoreName.ACCOUNTS,
                    "Ashady",
                    new Account(
                            "Ashady",
                            Role.SHIPPER,
                            "Shady Ltd",
                            "s@example.hk",
                            "12345678",
                            null,
                            AccountStatus.SUSPENDED,
                            null,
                            Instant.EPOCH,
                            Instant.EPOCH,
                            "Aadmin"));
            tx.put(
                    StoreName.WATCHLIST,
                    "W1",
                    new WatchlistEntry("W1", WatchlistKind.GOODS, "IVORY", "ivory", "Asup", Instant.EPOCH));
            tx.put(StoreName.RANDOM_RATES, "LMC", "0.2");
            return null;
        });
    }

    private static Map<String, Map<String, String>> laneMaps(ChronicleStores stores) {
        Map<String, Map<String, String>> all = new TreeMap<>();
        Arrays.stream(StoreName.values())
                .filter(s -> s.isLaneView() && s != StoreName.LANE_FEED)
                .forEach(s -> all.put(s.name(), LaneViewComparison.contents(stores, s)));
        return all;
    }

    /** What the registry writer thread does when it hears a change: the consumer runs there. */
    private void onWriterThread(Runnable action) {
        f.run(tx -> {
            action.run();
            return null;
        });
    }

    @Test
    void aChangeTheLaneCannotApplyMakesItStaleAndARebuildRestoresItExactly() {
        f = new LaneFeedFixture(dir);
        fillRegistry();
        f.stores.store(StoreName.LANE_VEHICLES).put("ZZ9999", "1"); // backed by nothing: a rebuild sweeps it
        long at = f.feed.sequence();
        // A value far larger than the lane's map takes: Chronicle refuses the write.
        FeedEntry refused = new FeedEntry(
                at + 1,
                99,
                Instant.EPOCH,
                List.of(new LaneChange.ConsignmentBundled(
                        "2699999999999999", LocalDate.parse("2026-11-27"), "", "", "Ashipper", "X".repeat(8 << 20))));

        try (LogCapture log = new LogCapture(LaneFeedConsumer.class)) {
            onWriterThread(() -> f.consumer.accept(refused));
            assertTrue(
                    log.messages().stream()
                            .anyMatch(m -> m.startsWith("The lane view is stale: feed entry " + (at + 1))),
                    log.messages().toString());
        }

        assertFalse(f.consumer.isStale(), "rebuilt at once");
        assertTrue(f.lane.isTrusted());
        assertEquals(at, f.consumer.applied(), "the rebuild is the registry as of the feed's own sequence");
        assertFalse(f.lane.isRegistered("ZZ9999"));
        assertLaneViewMatchesRegistry(f.stores);
        Map<String, Map<String, String>> afterRecovery = laneMaps(f.stores);
        onWriterThread(() -> f.consumer.resynchronise(f.feed, "a fresh rebuild to compare with"));
        assertEquals(afterRecovery, laneMaps(f.stores), "the same as a fresh rebuild, entry by entry");

        f.run(tx -> {
            tx.put(StoreName.BUNDLES, "B1", bundle("B1", "AB1234", BundleStatus.UNBUNDLED, C1, C2));
            tx.put(StoreName.CONSIGNMENTS, C1, consignment(C1, ConsignmentStatus.LODGED, null));
            tx.put(StoreName.CONSIGNMENTS, C2, consignment(C2, ConsignmentStatus.LODGED, null));
            return null;
        });
        assertEquals(at + 1, f.consumer.applied(), "the feed goes on after the rebuild");
        assertFalse(f.lane.activeBundle("AB1234", Direction.IMPORT, new BundleAtLane()));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void aGapInTheSequenceMakesItRebuild() {
        f = new LaneFeedFixture(dir);
        fillRegistry();
        f.stores.store(StoreName.LANE_VEHICLES).put("ZZ9999", "1");
        long at = f.feed.sequence();
        onWriterThread(() -> f.consumer.accept(
                new FeedEntry(at + 2, 99, Instant.EPOCH, List.of(new LaneChange.VehicleRegistered("ZZ0001", null)))));
        assertFalse(f.lane.isRegistered("ZZ0001"), "an entry after a gap is not applied");
        assertFalse(f.lane.isRegistered("ZZ9999"), "rebuilt");
        assertEquals(at, f.consumer.applied());
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void aRecordNeitherTheFeedNorARebuildCanReadLeavesTheViewStaleAndEveryBundleHiddenUntilARestart() {
        f = new LaneFeedFixture(dir);
        fillRegistry();
        String unreadable = "{\"id\":\"B9\",\"status\":\"ACTIVE\",\"direction\":\"IMPORT\",\"ccrns\":[],"
                + "\"earliestCrossingAt\":\"2026-11-26T03:00:00Z\"}"; // no vehicle mark
        try (LogCapture log = new LogCapture(LaneFeedConsumer.class)) {
            f.run(tx -> {
                tx.put(StoreName.BUNDLES, "B9", unreadable);
                return null;
            });
            assertTrue(
                    log.messages().stream().anyMatch(m -> m.startsWith("Could not rebuild the lane view")),
                    log.messages().toString());
        }
        assertTrue(f.consumer.isStale());
        assertFalse(f.lane.activeBundle("AB1234", Direction.IMPORT, new BundleAtLane()), "inspected, never released");
        assertTrue(f.stores
                .store(StoreName.LANE_FEED)
                .get(LaneFeedConsumer.STALE_KEY)
                .contains("could not be projected"));

        f.run(tx -> {
            tx.put(StoreName.BUNDLES, "B9", bundle("B9", "EF9012", BundleStatus.ACTIVE));
            return null;
        });
        assertTrue(f.consumer.isStale(), "a failed rebuild is retried at the next start, not on every change");
        f.close();
        f = new LaneFeedFixture(dir);
        assertFalse(f.consumer.isStale());
        assertTrue(f.lane.activeBundle("EF9012", Direction.IMPORT, new BundleAtLane()));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void anEntryAlreadyAppliedIsSkipped() {
        f = new LaneFeedFixture(dir);
        fillRegistry();
        long at = f.feed.sequence();
        onWriterThread(() -> f.consumer.accept(
                new FeedEntry(at, 99, Instant.EPOCH, List.of(new LaneChange.VehicleRegistered("ZZ0001", null)))));
        assertFalse(f.lane.isRegistered("ZZ0001"));
        assertFalse(f.consumer.isStale());
    }

    @Test
    void aStaleViewHidesEveryBundleUntilRebuilt() {
        f = new LaneFeedFixture(dir);
        fillRegistry();
        assertTrue(f.lane.activeBundle("AB1234", Direction.IMPORT, new BundleAtLane()));
        f.lane.trust(false);
        assertFalse(f.lane.activeBundle("AB1234", Direction.IMPORT, new BundleAtLane()), "inspected, never released");
        assertFalse(f.lane.hasActiveBundle("AB1234", Direction.IMPORT));
        onWriterThread(() -> f.consumer.resynchronise(f.feed, "test"));
        assertTrue(f.lane.activeBundle("AB1234", Direction.IMPORT, new BundleAtLane()));
    }

    @Test
    void aStaleMarkLeftByACrashIsRebuiltAtTheNextStart() {
        f = new LaneFeedFixture(dir);
        fillRegistry();
        f.stores.store(StoreName.LANE_FEED).put(LaneFeedConsumer.STALE_KEY, "feed entry 3 could not be applied");
        f.stores.store(StoreName.LANE_BUNDLES).put("CD5678|IMPORT", "B0\u001F0\u001F0\u001F\u001F\u001FAtrucker");
        f.close();
        f = new LaneFeedFixture(dir);
        assertFalse(f.consumer.isStale());
        assertNull(f.stores.store(StoreName.LANE_FEED).get(LaneFeedConsumer.STALE_KEY));
        assertFalse(f.lane.activeBundle("CD5678", Direction.IMPORT, new BundleAtLane()), "the ended bundle is gone");
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void aLaneViewInTheLayoutBeforeThePackedBundleIsRebuiltOnceAtStart() {
        String id = hk.seamless.access.Tokens.newId("B");
        f = new LaneFeedFixture(dir);
        f.run(tx -> {
            tx.put(StoreName.CONSIGNMENTS, C1, consignment(C1, ConsignmentStatus.BUNDLED, id));
            tx.put(StoreName.BUNDLES, id, bundle(id, "AB1234", BundleStatus.ACTIVE, C1));
            return null;
        });
        long earliest = LaneFeedFixture.CLOCK.instant().plusSeconds(3600).toEpochMilli();
        // What layout 3 kept: the id, the millis and the CCRNs as text; read as layout 4 it is nonsense.
        f.stores
                .store(StoreName.LANE_BUNDLES)
                .put(
                        "AB1234|IMPORT",
                        id + "\u001F" + earliest + "\u001F0\u001FWATCHLIST\u001F" + C1 + "\u001FAtrucker");
        f.stores.store(StoreName.LANE_FEED).put(LaneFeedConsumer.FORMAT_KEY, "3");
        f.close();

        f = new LaneFeedFixture(dir);
        assertEquals(
                LaneFeedConsumer.FORMAT, f.stores.store(StoreName.LANE_FEED).get(LaneFeedConsumer.FORMAT_KEY));
        BundleAtLane b = new BundleAtLane();
        assertTrue(f.lane.activeBundle("AB1234", Direction.IMPORT, b));
        assertEquals(earliest, b.earliestCrossingMillis());
        StringBuilder text = new StringBuilder();
        b.id(text);
        assertEquals(id, text.toString());
        b.ccrn(0, text);
        assertEquals(C1, text.toString());
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void aDataFolderFromBeforeTheFeedIsRebuiltOnceAtStart() {
        // What the previous version left: registry records, and a lane view without the feed's
        // marks, lacking what it never kept and holding a bundle that has ended since.
        try (ChronicleStores old = ChronicleStores.open(dir, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            old.store(StoreName.VEHICLES)
                    .put(
                            "AB1234",
                            JsonCodec.write(new Vehicle("AB1234", "AB 1234", "Atrucker", "E2001111", Instant.EPOCH)));
            old.store(StoreName.ACCOUNTS)
                    .put(
                            "Atrucker",
                            JsonCodec.write(new Account(
                                    "Atrucker",
                                    Role.TRUCKER,
                                    "Wing Lee",
                                    "t@example.hk",
                                    "12345678",
                                    null,
                                    AccountStatus.SUSPENDED,
                                    null,
                                    Instant.EPOCH,
                                    Instant.EPOCH,
                                    "Aadmin")));
            old.store(StoreName.BUNDLES).put("B0", JsonCodec.write(bundle("B0", "CD5678", BundleStatus.USED)));
            old.store(StoreName.RANDOM_RATES).put("MKT", "0.5");
            old.store(StoreName.LANE_BUNDLES).put("CD5678|IMPORT", "B0\u001F0\u001F0\u001F\u001F\u001FAtrucker");
        }
        f = new LaneFeedFixture(dir);
        assertTrue(f.lane.isRegistered("AB1234"));
        assertTrue(f.lane.isSuspended("Atrucker"));
        assertEquals(0.5, f.risk.randomRate("MKT"));
        assertFalse(f.lane.activeBundle("CD5678", Direction.IMPORT, new BundleAtLane()));
        assertEquals(
                LaneFeedConsumer.FORMAT, f.stores.store(StoreName.LANE_FEED).get(LaneFeedConsumer.FORMAT_KEY));
        assertLaneViewMatchesRegistry(f.stores);

        f.stores.store(StoreName.LANE_VEHICLES).put("ZZ9999", "1");
        f.close();
        f = new LaneFeedFixture(dir);
        assertTrue(f.lane.isRegistered("ZZ9999"), "done once: the layout mark says so");
    }
}
