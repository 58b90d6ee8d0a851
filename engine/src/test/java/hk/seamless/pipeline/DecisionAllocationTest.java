package hk.seamless.pipeline;

import hk.seamless.config.ControlPoint;
import hk.seamless.config.Direction;
import hk.seamless.config.HongKongControlPoints;
import hk.seamless.config.Lane;
import hk.seamless.lane.LaneView;
import hk.seamless.risk.RandomSelection;
import hk.seamless.risk.RiskView;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.StoreSizes;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.StoreName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Identify, assess and decide allocate nothing in steady state: measured with the JVM's own count
 * of bytes allocated by this thread (deterministic, not a timing), over real off-heap stores.
 */
class DecisionAllocationTest {

    @TempDir
    Path data;

    @Test
    void decidingAnArrivalAllocatesNothingOnceWarm() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ChronicleStores stores = ChronicleStores.open(data, StoreSizes.forDailyConsignments(100))) {
            List<ControlPoint> controlPoints = HongKongControlPoints.defaults(0.5);
            LaneView view = new LaneView(stores);
            RiskView risk = new RiskView(stores, controlPoints);
            view.onChange(registryState());
            risk.onChange(targetingRule());
            Lane lane = new Lane("LMC-S-01", "LMC", Direction.IMPORT, true);
            VehicleIdentification identification = new VehicleIdentification(view, 80);
            ClearanceRules rules = new ClearanceRules(view, risk, new RandomSelection(OptionalLong.of(7)),
                    new ReleasedBundles(1 << 10, 60_000), laneIndex -> true);
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

    private static void decideOnce(Arrival a, String id, long now, VehicleIdentification identification, ClearanceRules rules) {
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

    /** What the registry-change stream would carry: a vehicle with a tag, its bundle and two consignments. */
    private static RegistryChange registryState() {
        String bundle = "{\"id\":\"Babc\",\"vehicleMark\":\"AB1234\",\"direction\":\"IMPORT\",\"ccrns\":[\"2611111111111116\","
                + "\"2622222222222224\"],\"empty\":false,\"status\":\"ACTIVE\",\"earliestCrossingAt\":\"2026-11-26T03:00:00Z\","
                + "\"trucker\":\"Atrucker\"}";
        String vehicle = "{\"registrationMark\":\"AB1234\",\"rfidTag\":\"E2000017221101441890ABCD\"}";
        return new RegistryChange(1, Instant.EPOCH, "test", List.of(), List.of(
                new RegistryChange.Write(StoreName.VEHICLES, "AB1234", vehicle),
                new RegistryChange.Write(StoreName.BUNDLES, "Babc", bundle),
                new RegistryChange.Write(StoreName.CONSIGNMENTS, "2611111111111116", consignment("2611111111111116")),
                new RegistryChange.Write(StoreName.CONSIGNMENTS, "2622222222222224", consignment("2622222222222224"))));
    }

    private static String consignment(String ccrn) {
        return "{\"ccrn\":\"" + ccrn + "\",\"owner\":\"Ashipper\",\"status\":\"BUNDLED\",\"cargo\":{\"expectedDate\":\"2026-11-27\","
                + "\"consignor\":{\"name\":\"深圳市華強電子\"},\"consignee\":{\"name\":\"Kwun Tong Traders\"},"
                + "\"packaged\":{\"packageDescription\":\"CARTONS\",\"packageCount\":10,\"articlesDescription\":\"mobile phones\"}}}";
    }

    /** A targeting rule in force that hits nothing here: the lane probes every description against it. */
    private static RegistryChange targetingRule() {
        String entry = "{\"id\":\"W1\",\"kind\":\"GOODS\",\"value\":\"IVORY\",\"display\":\"ivory\","
                + "\"addedBy\":\"Asupervisor\",\"addedAt\":\"2026-11-01T00:00:00Z\"}";
        return new RegistryChange(2, Instant.EPOCH, "test", List.of(), List.of(
                new RegistryChange.Write(StoreName.WATCHLIST, "W1", entry)));
    }
}
