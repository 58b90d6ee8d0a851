package hk.seamless.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hk.seamless.config.ControlPoint;
import hk.seamless.config.Direction;
import hk.seamless.config.HongKongControlPoints;
import hk.seamless.config.Lane;
import hk.seamless.feed.FeedSource;
import hk.seamless.feed.LaneChange;
import hk.seamless.feed.WatchKind;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.lane.LaneView;
import hk.seamless.risk.PartyNames;
import hk.seamless.risk.RandomSelection;
import hk.seamless.risk.RiskView;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.StoreSizes;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identify, assess and decide allocate nothing in steady state: measured with the JVM's own count
 * of bytes allocated by this thread (deterministic, not a timing), over real off-heap stores.
 */
class DecisionAllocationTest {

    @TempDir
    Path data;

    @Test
    void decidingAnArrivalAllocatesNothingOnceWarm() {
        assumeTrue(
                ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ChronicleStores stores = ChronicleStores.open(data, StoreSizes.forDailyConsignments(100))) {
            List<ControlPoint> controlPoints = HongKongControlPoints.defaults(0.5);
            LaneView view = new LaneView(stores);
            RiskView risk = new RiskView(stores, controlPoints);
            new LaneFeedConsumer(stores, view, risk).finishStart(registryState());
            Lane lane = new Lane("LMC-S-01", "LMC", Direction.IMPORT, true);
            VehicleIdentification identification = new VehicleIdentification(view, 80);
            ClearanceRules rules = new ClearanceRules(
                    view,
                    risk,
                    new RandomSelection(OptionalLong.of(7)),
                    new ReleasedBundles(1 << 10),
                    laneIndex -> true);
            Arrival arrival = new Arrival(lane, 0);
            long now = Instant.parse("2026-11-26T04:00:00Z").toEpochMilli();
            String id = "LMC-S-01.test.1";

            for (int i = 0; i < 20_000; i++) {
                decideOnce(arrival, id, now, identification, rules);
            }
            assertTrue(arrival.hasBundle, "the arrival must find its bundle, or the look-ups prove nothing");
            assertEquals(2, arrival.bundle.ccrnCount());

            long before = threads.getCurrentThreadAllocatedBytes();
            int n = 100_000;
            int released = 0;
            for (int i = 0; i < n; i++) {
                decideOnce(arrival, id, now, identification, rules);
                if (arrival.verdict == Verdict.RELEASE) {
                    released++;
                }
            }
            long perDecision = (threads.getCurrentThreadAllocatedBytes() - before) / n;
            assertTrue(released > n / 4 && released < 3 * n / 4, "random selection at 50% ran: " + released);
            assertEquals(0, perDecision, "bytes allocated per decision");
        }
    }

    private static void decideOnce(
            Arrival a, String id, long now, VehicleIdentification identification, ClearanceRules rules) {
        a.open(id, now);
        a.plate.setPlate("A81234");
        a.plate.setConfidence(92);
        a.hasPlate = true;
        a.epc.append("E2000017221101441890ABCD");
        a.hasTag = true;
        if (identification.identify(a)) {
            rules.decide(a, now);
        }
    }

    /** What the lane feed would carry: a vehicle with a tag, its bundle, two consignments, a targeting rule that hits nothing here. */
    private static FeedSource registryState() {
        return new FeedSource() {
            @Override
            public long sequence() {
                return 2;
            }

            @Override
            public long snapshot(Consumer<LaneChange> sink) {
                sink.accept(new LaneChange.WatchEntryAdded("W1", WatchKind.GOODS, "IVORY"));
                sink.accept(new LaneChange.VehicleRegistered("AB1234", "E2000017221101441890ABCD"));
                for (String ccrn : List.of("2611111111111116", "2622222222222224")) {
                    sink.accept(new LaneChange.ConsignmentBundled(
                            ccrn,
                            LocalDate.parse("2026-11-27"),
                            PartyNames.canonical("深圳市華強電子"),
                            PartyNames.canonical("Kwun Tong Traders"),
                            "Ashipper",
                            PartyNames.canonical("CARTONS mobile phones")));
                }
                // Registry-shaped ids (a letter and 24 hex digits): the lane keeps them packed, and
                // unpacks the bundle id (released-bundle check) and the trucker (suspension) per decision.
                sink.accept(new LaneChange.BundleActivated(
                        "B3f2a9c1b7d5e4f6a8b9c0d1e",
                        "AB1234",
                        Direction.IMPORT,
                        Instant.parse("2026-11-26T03:00:00Z"),
                        false,
                        List.of("2611111111111116", "2622222222222224"),
                        List.of(),
                        "R0123456789abcdef01234567"));
                return 2;
            }
        };
    }
}
