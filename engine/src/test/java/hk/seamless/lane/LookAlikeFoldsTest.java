package hk.seamless.lane;

import static hk.seamless.lane.LaneFeedFixture.bundle;
import static hk.seamless.lane.LaneViewComparison.assertLaneViewMatchesRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hk.seamless.config.Direction;
import hk.seamless.feed.LaneChange;
import hk.seamless.lane.plate.LookAlikes;
import hk.seamless.store.StoreName;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.Crossing;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lane view's look-alike groups ({@link LookAlikeFolds}) follow its ACTIVE bundles through the
 * real feed and real Chronicle maps: bundled, bundled again, used, unbundled, archived, rebuilt,
 * an entry applied twice after a kill. A count too low would lose a look-alike correction.
 */
class LookAlikeFoldsTest {

    private static final String C1 = "2611111111111116";

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

    private void put(Bundle... bundles) {
        f.run(tx -> {
            for (Bundle b : bundles) {
                tx.put(StoreName.BUNDLES, b.id(), b);
            }
            return null;
        });
    }

    private static Bundle active(String id, String mark, Direction direction) {
        Bundle b = bundle(id, mark, BundleStatus.ACTIVE, C1);
        return new Bundle(
                b.id(),
                b.trucker(),
                b.vehicleMark(),
                b.vehicleMarkDisplay(),
                direction,
                b.ccrns(),
                b.empty(),
                b.status(),
                b.bundledAt(),
                b.earliestCrossingAt(),
                b.endedAt(),
                b.riskHits(),
                b.crossing());
    }

    private int lookAlikes(String read, Direction direction) {
        return f.lane.lookAlikesWithActiveBundle(read, direction);
    }

    @Test
    void aBundledMarkCountsForEveryReadThatLooksLikeItInItsDirectionOnly() {
        put(active("B1", "AB1234", Direction.IMPORT));

        for (String read : List.of("AB1234", "A81234")) {
            assertEquals(1, lookAlikes(read, Direction.IMPORT), read);
        }
        assertEquals(0, lookAlikes("AB1234", Direction.EXPORT), "another direction");
        assertEquals(0, lookAlikes("AB1235", Direction.IMPORT), "another mark");
        assertEquals(0, lookAlikes("AB123", Direction.IMPORT), "a shorter mark");
        assertEquals(0, lookAlikes("AB12345", Direction.IMPORT), "a longer mark");
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void lookAlikeTwinsCountTwiceAndLeaveOneByOne() {
        put(active("B1", "AB1234", Direction.IMPORT), active("B2", "A81234", Direction.IMPORT));
        put(active("B3", "AB1234", Direction.EXPORT));
        assertEquals(2, lookAlikes("A81234", Direction.IMPORT));
        assertEquals(1, lookAlikes("A81234", Direction.EXPORT));

        put(bundle("B1", "AB1234", BundleStatus.UNBUNDLED, C1));
        assertEquals(1, lookAlikes("AB1234", Direction.IMPORT), "A81234 is still expected");
        assertLaneViewMatchesRegistry(f.stores);

        Crossing where = new Crossing("LMC", "LMC-I-01", "LMC-I-01.1", Instant.parse("2026-11-26T03:30:00Z"));
        put(bundle("B2", "A81234", BundleStatus.ACTIVE, C1).used(where));
        assertEquals(0, lookAlikes("AB1234", Direction.IMPORT));
        assertEquals(1, lookAlikes("AB1234", Direction.EXPORT));
        assertNull(f.stores.store(StoreName.LANE_LOOK_ALIKES).get("IA81234"), "no empty group kept");
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void aNewerBundleOfTheSameVehicleKeepsItCountedOnceAndAfterTheOlderEnds() {
        put(active("B1", "SZ8", Direction.IMPORT));
        put(active("B2", "SZ8", Direction.IMPORT));
        assertEquals(1, lookAlikes("528", Direction.IMPORT));

        put(bundle("B1", "SZ8", BundleStatus.UNBUNDLED, C1));
        assertEquals(1, lookAlikes("528", Direction.IMPORT), "B2 is still ACTIVE");

        put(bundle("B2", "SZ8", BundleStatus.UNBUNDLED, C1));
        assertEquals(0, lookAlikes("528", Direction.IMPORT));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void anEndedBundleArchivedLeavesNothingBehind() {
        put(active("B1", "GG6", Direction.IMPORT), active("B2", "G66", Direction.IMPORT));
        put(bundle("B1", "GG6", BundleStatus.UNBUNDLED, C1));
        f.run(tx -> {
            tx.remove(StoreName.BUNDLES, "B1"); // the retention move takes finished bundles to the archive
            return null;
        });
        assertEquals(1, lookAlikes("666", Direction.IMPORT));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void anEntryAppliedAgainAfterAKillLeavesTheCountsExact() {
        LaneChange.BundleActivated b1 = new LaneChange.BundleActivated(
                "B1", "AB1234", Direction.IMPORT, Instant.EPOCH, false, List.of(C1), List.of(), "Atrucker");
        LaneChange.BundleActivated b2 = new LaneChange.BundleActivated(
                "B2", "A81234", Direction.IMPORT, Instant.EPOCH, false, List.of(C1), List.of(), "Atrucker");
        f.lane.bundleActivated(b1);
        f.lane.bundleActivated(b2);
        f.lane.bundleActivated(b1); // the same entry, applied again at the restart
        assertEquals(2, lookAlikes("AB1234", Direction.IMPORT));

        // Killed between the bundle's removal and its group's: the entry applied again finishes it.
        f.stores.store(StoreName.LANE_BUNDLES).remove("AB1234|IMPORT");
        assertEquals(2, lookAlikes("AB1234", Direction.IMPORT), "too many for a moment: only probes");
        LaneChange.BundleEnded ended = new LaneChange.BundleEnded("B1", "AB1234", Direction.IMPORT, "UNBUNDLED");
        f.lane.bundleEnded(ended);
        f.lane.bundleEnded(ended);
        assertEquals(1, lookAlikes("AB1234", Direction.IMPORT));
        assertEquals(1, lookAlikes("A81234", Direction.IMPORT));
    }

    @Test
    void aRebuildRestoresTheGroupsFromTheRegistry() {
        put(active("B1", "AB1234", Direction.IMPORT), active("B2", "A81234", Direction.IMPORT));
        f.stores.store(StoreName.LANE_LOOK_ALIKES).clear(); // lost: every look-alike correction with it
        f.stores.store(StoreName.LANE_LOOK_ALIKES).put("IZZ", "0"); // and something the registry backs not
        f.stores.store(StoreName.LANE_FEED).put(LaneFeedConsumer.APPLIED_KEY, "7");
        f.close();
        f = new LaneFeedFixture(dir);

        assertEquals(2, lookAlikes("AB1234", Direction.IMPORT));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void aViewOfTheLastLayoutIsRebuiltWithItsGroups() {
        put(active("B1", "AB1234", Direction.IMPORT));
        f.stores.store(StoreName.LANE_LOOK_ALIKES).clear(); // as a data folder of the last version has them
        f.stores.store(StoreName.LANE_FEED).put(LaneFeedConsumer.FORMAT_KEY, "4");
        f.close();
        f = new LaneFeedFixture(dir);

        assertEquals(1, lookAlikes("A81234", Direction.IMPORT));
        assertLaneViewMatchesRegistry(f.stores);
    }

    @Test
    void anUntrustedViewCountsNobody() {
        put(active("B1", "AB1234", Direction.IMPORT));
        f.lane.trust(false);
        assertEquals(0, lookAlikes("AB1234", Direction.IMPORT));
        f.lane.trust(true);
        assertEquals(1, lookAlikes("AB1234", Direction.IMPORT));
    }

    /**
     * Random bundling and ending over a small alphabet full of look-alikes, so that groups share
     * folds and grow and shrink: after every transaction each read's count is the number of
     * ACTIVE marks equal to it under the look-alike pairs, counted one by one.
     */
    @Test
    void randomBundlingKeepsEveryCountExact() {
        Random random = new Random(17);
        char[] alphabet = {'A', 'B', '8', 'S', '5', 'Z', '2', 'G', '6', '1'};
        Map<String, Bundle> active = new HashMap<>();
        int nextId = 0;
        for (int round = 0; round < 40; round++) {
            int changes = 1 + random.nextInt(6);
            Bundle[] written = new Bundle[changes];
            for (int i = 0; i < changes; i++) {
                if (!active.isEmpty() && random.nextInt(3) == 0) {
                    Bundle ending = active.values().stream()
                            .skip(random.nextInt(active.size()))
                            .findFirst()
                            .orElseThrow();
                    active.remove(ending.id());
                    written[i] = ending.ended(BundleStatus.UNBUNDLED, LaneFeedFixture.CLOCK.instant());
                } else {
                    StringBuilder mark = new StringBuilder();
                    int length = 1 + random.nextInt(3);
                    for (int c = 0; c < length; c++) {
                        mark.append(alphabet[random.nextInt(alphabet.length)]);
                    }
                    Direction direction = random.nextBoolean() ? Direction.IMPORT : Direction.EXPORT;
                    String id = "B" + nextId++;
                    if (active.values().stream()
                            .anyMatch(b -> b.vehicleMark().contentEquals(mark) && b.direction() == direction)) {
                        continue; // one ACTIVE bundle a vehicle and direction, as the registry keeps it
                    }
                    written[i] = active(id, mark.toString(), direction);
                    active.put(id, written[i]);
                }
            }
            put(java.util.Arrays.stream(written)
                    .filter(java.util.Objects::nonNull)
                    .toArray(Bundle[]::new));
            for (Bundle probe : active.values()) {
                for (Direction direction : Direction.values()) {
                    long expected = active.values().stream()
                            .filter(b -> b.direction() == direction
                                    && LookAlikes.equalUnderLookAlikes(b.vehicleMark(), probe.vehicleMark()))
                            .count();
                    assertEquals(expected, lookAlikes(probe.vehicleMark(), direction), probe.vehicleMark());
                }
            }
        }
        assertLaneViewMatchesRegistry(f.stores);
    }
}
