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
import hk.seamless.risk.PartyNames;
import hk.seamless.risk.WatchlistEntry;
import hk.seamless.risk.WatchlistKind;
import hk.seamless.store.StoreName;
import hk.seamless.trade.Account;
import hk.seamless.trade.AccountStatus;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.Crossing;
import hk.seamless.trade.Vehicle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of registry change reaches the lane side through the feed, numbered without gaps. */
class LaneFeedTest {

    private static final String C1 = "2611111111111116";
    private static final String C2 = "2622222222222224";

    @TempDir
    Path dir;

    private LaneFeedFixture f;

    @BeforeEach
    void open() {
        f = new LaneFeedFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void restart() {
        f.close();
        f = new LaneFeedFixture(dir);
    }

    private void deleteCheckpoint() {
        try {
            java.nio.file.Files.deleteIfExists(dir.resolve("log").resolve("checkpoint"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void bundleAB1234() {
        f.run(tx -> {
            tx.put(StoreName.CONSIGNMENTS, C1, consignment(C1, ConsignmentStatus.BUNDLED, "B1"));
            tx.put(StoreName.CONSIGNMENTS, C2, consignment(C2, ConsignmentStatus.BUNDLED, "B1"));
            tx.put(StoreName.BUNDLES, "B1", bundle("B1", "AB1234", BundleStatus.ACTIVE, C1, C2));
            return null;
        });
    }

    private boolean hasBundle(String mark) {
        return f.lane.activeBundle(mark, Direction.IMPORT, new BundleAtLane());
    }

    @Test
    void aBundleMadeReachesTheLaneWithItsConsignmentsInCanonicalForm() {
        bundleAB1234();

        BundleAtLane b = new BundleAtLane();
        assertTrue(f.lane.activeBundle("AB1234", Direction.IMPORT, b));
        StringBuilder text = new StringBuilder();
        b.id(text);
        assertEquals("B1", text.toString());
        assertEquals(2, b.ccrnCount());
        b.trucker(text);
        assertEquals("Atrucker", text.toString());
        assertEquals(LaneFeedFixture.CLOCK.instant().plusSeconds(3600).toEpochMilli(), b.earliestCrossingMillis());
        ConsignmentAtLane c = new ConsignmentAtLane();
        assertTrue(f.lane.consignment(C1, c));
        assertTrue(c.statusIs("BUNDLED"));
        c.consignor(text);
        assertEquals(PartyNames.canonical("Acme Trading Co., Ltd."), text.toString());
        c.consignee(text);
        assertEquals(PartyNames.canonical("深圳市華強電子有限公司"), text.toString());
        assertEquals(
                "CARTONS MOBILE PHONES",
                c.goods().subSequence(c.goodsStart(), c.goodsEnd()).toString());
        assertEquals(
                List.of(
                        LaneChange.ConsignmentBundled.class,
                        LaneChange.ConsignmentBundled.class,
                        LaneChange.BundleActivated.class),
                f.entries.get(0).changes().stream().map(Object::getClass).toList());
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void anUnbundledBundleAndItsConsignmentsLeaveTheLane() {
        bundleAB1234();
        f.run(tx -> {
            tx.put(StoreName.CONSIGNMENTS, C1, consignment(C1, ConsignmentStatus.LODGED, null));
            tx.put(StoreName.CONSIGNMENTS, C2, consignment(C2, ConsignmentStatus.LODGED, null));
            tx.put(StoreName.BUNDLES, "B1", bundle("B1", "AB1234", BundleStatus.UNBUNDLED, C1, C2));
            return null;
        });
        assertFalse(hasBundle("AB1234"));
        assertFalse(f.lane.consignment(C1, new ConsignmentAtLane()));
        // Back to LODGED, as a lodgement is, yet left the lane: its bundle ended in the same change.
        assertTrue(f.entries.get(1).changes().contains(new LaneChange.ConsignmentUnbundled(C2, "LODGED")));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void aUsedBundleLeavesTheLaneAndItsCrossingIsInTheFeed() {
        bundleAB1234();
        Crossing where = new Crossing("LMC", "LMC-I-01", "LMC-I-01.1", Instant.parse("2026-11-26T03:30:00Z"));
        f.run(tx -> {
            tx.put(
                    StoreName.CONSIGNMENTS,
                    C1,
                    consignment(C1, ConsignmentStatus.BUNDLED, "B1").crossed(where));
            tx.put(
                    StoreName.CONSIGNMENTS,
                    C2,
                    consignment(C2, ConsignmentStatus.BUNDLED, "B1").crossed(where));
            tx.put(
                    StoreName.BUNDLES,
                    "B1",
                    bundle("B1", "AB1234", BundleStatus.ACTIVE, C1, C2).used(where));
            return null;
        });
        assertFalse(hasBundle("AB1234"));
        assertFalse(f.lane.consignment(C2, new ConsignmentAtLane()));
        List<LaneChange> changes = f.entries.get(1).changes();
        assertTrue(changes.contains(new LaneChange.BundleEnded("B1", "AB1234", Direction.IMPORT, "USED")));
        assertTrue(changes.contains(
                new LaneChange.CrossingRecorded("B1", "LMC", "LMC-I-01", "LMC-I-01.1", where.crossedAt())));
        assertTrue(changes.contains(new LaneChange.ConsignmentUnbundled(C1, "CROSSED")), changes.toString());
        assertTrue(changes.contains(new LaneChange.ConsignmentUnbundled(C2, "CROSSED")), changes.toString());
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void anEndedBundleLeavesANewerActiveOneOfTheSameVehicleAlone() {
        bundleAB1234();
        f.run(tx -> {
            tx.put(StoreName.BUNDLES, "B2", bundle("B2", "AB1234", BundleStatus.ACTIVE, C1));
            return null;
        });
        f.run(tx -> {
            tx.put(StoreName.BUNDLES, "B1", bundle("B1", "AB1234", BundleStatus.UNBUNDLED, C1, C2));
            return null;
        });
        BundleAtLane b = new BundleAtLane();
        assertTrue(f.lane.activeBundle("AB1234", Direction.IMPORT, b));
        StringBuilder id = new StringBuilder();
        b.id(id);
        assertEquals("B2", id.toString());
    }

    @Test
    void anEndedBundleWithARegistryIdLeavesANewerActiveOneOfTheSameVehicleAlone() {
        // Registry ids are stored packed: the end of the older one must still be told from the newer.
        String older = hk.seamless.access.Tokens.newId("B");
        String newer = hk.seamless.access.Tokens.newId("B");
        f.run(tx -> {
            tx.put(StoreName.CONSIGNMENTS, C1, consignment(C1, ConsignmentStatus.BUNDLED, older));
            tx.put(StoreName.BUNDLES, older, bundle(older, "AB1234", BundleStatus.ACTIVE, C1));
            return null;
        });
        f.run(tx -> {
            tx.put(StoreName.CONSIGNMENTS, C2, consignment(C2, ConsignmentStatus.BUNDLED, newer));
            tx.put(StoreName.BUNDLES, newer, bundle(newer, "AB1234", BundleStatus.ACTIVE, C2));
            return null;
        });
        f.run(tx -> {
            tx.put(StoreName.BUNDLES, older, bundle(older, "AB1234", BundleStatus.UNBUNDLED, C1));
            return null;
        });
        BundleAtLane b = new BundleAtLane();
        assertTrue(f.lane.activeBundle("AB1234", Direction.IMPORT, b), "the newer bundle survives the older one's end");
        StringBuilder text = new StringBuilder();
        b.id(text);
        assertEquals(newer, text.toString());
        b.ccrn(0, text);
        assertEquals(C2, text.toString());

        f.run(tx -> {
            tx.put(StoreName.BUNDLES, newer, bundle(newer, "AB1234", BundleStatus.UNBUNDLED, C2));
            return null;
        });
        assertFalse(hasBundle("AB1234"), "its own end removes it");
    }

    @Test
    void aVehiclesTagAndMarkReachTheLane() {
        f.run(tx -> {
            tx.put(
                    StoreName.VEHICLES,
                    "FU1234",
                    new Vehicle("FU1234", "FU 1234", "Atrucker", "E2001111", Instant.EPOCH));
            tx.put(StoreName.VEHICLES, "FU1235", new Vehicle("FU1235", "FU 1235", "Atrucker", null, Instant.EPOCH));
            return null;
        });
        StringBuilder mark = new StringBuilder();
        assertTrue(f.lane.vehicleByTag("E2001111", mark));
        assertEquals("FU1234", mark.toString());
        assertTrue(f.lane.isRegistered("FU1235"));
        assertFalse(f.lane.isRegistered("FU1236"));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void suspensionAndReinstatementReachTheLane() {
        Account active = new Account(
                "Atrucker",
                Role.TRUCKER,
                "Wing Lee Transport",
                "t@example.hk",
                "12345678",
                null,
                AccountStatus.ACTIVE,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                "Aadmin");
        f.run(tx -> {
            tx.put(
                    StoreName.ACCOUNTS,
                    active.id(),
                    active.decided(AccountStatus.SUSPENDED, tx.now(), "Aadmin", "fraud"));
            return null;
        });
        assertTrue(f.lane.isSuspended("Atrucker"));
        assertLaneViewMatchesRegistry(f.stores);
        f.run(tx -> {
            tx.put(
                    StoreName.ACCOUNTS,
                    active.id(),
                    active.decided(AccountStatus.ACTIVE, tx.now(), "Aadmin", "cleared"));
            return null;
        });
        assertFalse(f.lane.isSuspended("Atrucker"));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void watchListEntriesAndTargetingRulesComeAndGo() {
        WatchlistEntry vehicle =
                new WatchlistEntry("W1", WatchlistKind.VEHICLE, "AB1234", "ab 1234", "Asup", Instant.EPOCH);
        WatchlistEntry party =
                new WatchlistEntry("W2", WatchlistKind.PARTY, "ACME TRADING", "Acme Trading", "Asup", Instant.EPOCH);
        WatchlistEntry rule = new WatchlistEntry("W3", WatchlistKind.GOODS, "IVORY", "ivory", "Asup", Instant.EPOCH);
        f.run(tx -> {
            List.of(vehicle, party, rule).forEach(e -> tx.put(StoreName.WATCHLIST, e.id(), e));
            return null;
        });
        assertEquals("W1", f.risk.vehicleWatchEntry("AB1234"));
        assertEquals("W2", f.risk.partyWatchEntry("ACME TRADING"));
        String goods = "CARTONS IVORY CARVINGS";
        assertTrue(f.risk.isGoodsTargeted(goods, 0, goods.length()));
        assertLaneViewMatchesRegistry(f.stores);

        f.run(tx -> {
            List.of("W1", "W2", "W3").forEach(id -> tx.remove(StoreName.WATCHLIST, id));
            return null;
        });
        assertNull(f.risk.vehicleWatchEntry("AB1234"));
        assertNull(f.risk.partyWatchEntry("ACME TRADING"));
        assertFalse(f.risk.isGoodsTargeted(goods, 0, goods.length()));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void aRandomRateIsSetThenBackToTheDefaultAndSurvivesARestart() {
        f.run(tx -> {
            tx.put(StoreName.RANDOM_RATES, "LMC", "0.25");
            return null;
        });
        assertEquals(0.25, f.risk.randomRate("LMC"));
        restart();
        assertEquals(0.25, f.risk.randomRate("LMC"), "kept in the lane's own store");
        assertLaneViewMatchesRegistry(f.stores);
        f.run(tx -> {
            tx.remove(StoreName.RANDOM_RATES, "LMC");
            return null;
        });
        assertEquals(0.03, f.risk.randomRate("LMC"));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void sequencesAreGapFreeOverChangesWithLaneChangesAndContinueAcrossARestart() {
        bundleAB1234();
        f.run(tx -> {
            tx.put(StoreName.IDEMPOTENCY, "k1", "{}"); // nothing for the lane: takes no number
            return null;
        });
        f.run(tx -> {
            tx.put(
                    StoreName.CONSIGNMENTS,
                    "2633333333333332",
                    consignment("2633333333333332", ConsignmentStatus.LODGED, null));
            return null; // a lodgement is nothing for the lane either
        });
        f.run(tx -> {
            tx.put(StoreName.RANDOM_RATES, "LMC", "0.1");
            return null;
        });
        assertEquals(
                List.of(1L, 2L), f.entries.stream().map(FeedEntry::sequence).toList());
        assertEquals(
                List.of(1L, 4L),
                f.entries.stream().map(FeedEntry::registrySequence).toList());
        assertEquals(2, f.feed.sequence());
        assertEquals(2, f.consumer.applied());

        restart();
        assertEquals(2, f.feed.sequence(), "the numbering goes on from the mark the clean stop's checkpoint kept");
        assertEquals(2, f.consumer.applied());
        f.run(tx -> {
            tx.put(StoreName.RANDOM_RATES, "LMC", "0.2");
            return null;
        });
        assertEquals(
                List.of(3L),
                f.entries.stream().map(FeedEntry::sequence).toList(),
                "nothing before the checkpoint is handed on again; the next entry is 3");
        assertEquals(3, f.consumer.applied());
        assertEquals(0.2, f.risk.randomRate("LMC"));
    }

    @Test
    void aConsumerBehindTheLogIsCaughtUpAtStartFromTheJournal() {
        bundleAB1234();
        f.run(tx -> {
            tx.put(StoreName.RANDOM_RATES, "MKT", "0.5");
            return null;
        });
        f.run(tx -> {
            tx.put(
                    StoreName.VEHICLES,
                    "FU1234",
                    new Vehicle("FU1234", "FU 1234", "Atrucker", "E2001111", Instant.EPOCH));
            return null;
        });
        // As if the lane had applied only the first entry when the engine stopped.
        f.stores.store(StoreName.LANE_FEED).put(LaneFeedConsumer.APPLIED_KEY, "1");
        f.stores.store(StoreName.LANE_VEHICLES).remove("FU1234");
        f.stores.store(StoreName.LANE_WATCHLIST).remove("rate:MKT");
        // A key no registry record backs: a rebuild would sweep it, catching up leaves it.
        f.stores.store(StoreName.LANE_VEHICLES).put("ZZ9999", "1");

        // As after a kill before any checkpoint covered these changes: the start reads them again.
        f.close();
        deleteCheckpoint();
        f = new LaneFeedFixture(dir);

        assertEquals(3, f.consumer.applied());
        assertTrue(f.lane.isRegistered("FU1234"));
        assertEquals(0.5, f.risk.randomRate("MKT"));
        assertTrue(f.lane.isRegistered("ZZ9999"), "caught up entry by entry, not rebuilt");
    }

    @Test
    void aConsumerAheadOfTheLogIsRebuilt() {
        bundleAB1234();
        f.stores.store(StoreName.LANE_FEED).put(LaneFeedConsumer.APPLIED_KEY, "7");
        f.stores.store(StoreName.LANE_VEHICLES).put("ZZ9999", "1");
        restart();
        assertEquals(1, f.consumer.applied());
        assertFalse(f.lane.isRegistered("ZZ9999"), "rebuilt from the registry: what it backs, nothing else");
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void appliedSequencesAreOneToNWithNoneSkipped() {
        for (int i = 0; i < 5; i++) {
            String rate = "0." + (i + 1);
            f.run(tx -> {
                tx.put(StoreName.RANDOM_RATES, "SBC", rate);
                return null;
            });
        }
        assertEquals(
                LongStream.rangeClosed(1, 5).boxed().toList(),
                f.entries.stream().map(FeedEntry::sequence).toList());
        assertEquals("5", f.stores.store(StoreName.LANE_FEED).get(LaneFeedConsumer.APPLIED_KEY));
    }
}
