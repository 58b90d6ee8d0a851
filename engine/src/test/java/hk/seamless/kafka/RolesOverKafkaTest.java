package hk.seamless.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.Topology;
import hk.seamless.http.LaneTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What must hold between a registry and its lane engines over Kafka: a bundle made at the registry
 * reaches the lanes and the truck is released there; cut off, a lane engine keeps deciding from its
 * views, says since when it is behind, never releases a bundle twice (even after a restart), and
 * its crossings reach the registry once when Kafka is back; one bundle released at two control
 * points while cut off is one crossing and a suspected clone; a release of a bundle unbundled
 * meanwhile is still its crossing; the registry's audit finds the lane engines' decisions by what
 * they name; a lane engine on an empty folder rebuilds from the registry's snapshot.
 */
class RolesOverKafkaTest extends KafkaTopologyHarness {

    @Test
    void aBundleMadeAtTheRegistryIsReleasedAtTheLaneEngine() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        String arrival = releaseAt(lmc, "LMC-S-01", truck, "RELEASE");
        awaitBundleStatus(truck.bundleId(), "USED");
        JsonArray crossings = audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED");
        assertEquals(1, crossings.size(), "one crossing recorded: " + crossings);
        assertTrue(crossings.getJsonObject(0).getString("detail").contains(arrival), crossings.encode());
    }

    @Test
    void cutOffALaneEngineDecidesFromItsViewsAndItsCrossingsArriveOnceWhenKafkaIsBack() {
        Truck known = bundledTruck();
        awaitCaughtUp(lmc);
        broker.pause();
        Truck unknown = bundledTruck(); // made during the outage: the lane cannot know of it

        releaseAt(lmc, "LMC-S-02", known, "RELEASE");
        JsonObject unknownDecision = decideAt(lmc, "LMC-S-03", unknown);
        assertNotEquals(
                "RELEASE",
                unknownDecision.getString("decision"),
                "a bundle the lane engine cannot have heard of is inspected: " + unknownDecision);

        clock.advance(Duration.ofSeconds(11));
        JsonObject feed = health(lmc).getJsonObject("feed");
        assertTrue(feed.getBoolean("behind"), "cut off, the lane engine says its feed is behind: " + feed);
        assertNotNull(feed.getString("behindSince"), feed.encode());
        assertNotNull(awaitConsoleFeed(lmc, true).getString("behindSince"), "the console is told since when");

        broker.resume();
        awaitBundleStatus(known.bundleId(), "USED");
        awaitCaughtUp(lmc);
        assertEquals(
                1, audit("bundle=" + known.bundleId() + "&limit=50", "CROSSED").size());
        assertFalse(health(lmc).getJsonObject("feed").getBoolean("behind"), "back, the feed is current");
        // Now the registry's bundle made during the outage is at the lane: released.
        releaseAt(lmc, "LMC-S-04", unknown, "RELEASE");
    }

    /**
     * Released at LMC, then at SBC, while both were cut off. The reports travel keyed by control
     * point, so the registry may read either first (which one, a paused broker does not decide:
     * a report written into its socket before the pause is read on resume). Either way the
     * crossing is LMC's, the earlier release, recorded once, and SBC's is the suspect. The order
     * "later read first" is held deterministically by CrossingsTest.
     */
    @Test
    void oneBundleReleasedAtTwoControlPointsWhileCutOffIsOneCrossingAndASuspectedClone() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        awaitCaughtUp(sbc);
        LaneTestClient.Socket sbcConsole = sbc.lanes().console(sbc.officer().token());
        broker.pause();
        String first = releaseAt(lmc, "LMC-S-01", truck, "RELEASE");
        String second = releaseAt(sbc, "SBC-S-01", truck, "RELEASE"); // decideAt moves the clock on
        broker.resume();

        awaitBundleStatus(truck.bundleId(), "USED");
        await(
                () -> audit("bundle=" + truck.bundleId() + "&limit=50", "SUSPECTED_CLONE")
                                .size()
                        == 1,
                "the second release raised as a suspected clone");
        assertEquals(
                1,
                audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED").size(),
                "recorded once as the crossing");
        assertTrue(
                audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSING_CORRECTED")
                                .size()
                        <= 1,
                "moved at most once, if SBC's report was read first");
        String clone = audit("bundle=" + truck.bundleId() + "&limit=50", "SUSPECTED_CLONE")
                .getJsonObject(0)
                .getString("detail");
        assertTrue(
                clone.contains("released again at SBC-S-01 (" + second)
                        && clone.contains("after crossing at LMC-S-01 (" + first),
                "the later release is the suspect: " + clone);
        JsonObject bundle = registryApi
                .get("/api/v1/bundles/" + truck.bundleId(), trucker.token())
                .expect(200)
                .json();
        assertEquals(first, bundle.getJsonObject("crossing").getString("arrivalId"), bundle.encode());
        JsonObject alert = sbcConsole.await(m -> "alert".equals(m.getString("kind")), PROPAGATION, "the clone alert");
        assertEquals("SUSPECTED_CLONE", alert.getString("alert"));
        assertEquals(truck.bundleId(), alert.getString("bundleId"));
        assertEquals(1, audit("lane=SBC-S-01&limit=500", "SUSPECTED_CLONE").size(), "found by the suspect's lane");
        sbcConsole.close();
    }

    /**
     * Cut off, the lane engine's views hold the bundle ACTIVE until the registry's feed says it was
     * used, maybe days later: a second truck on it (a cloned plate) is not released, later the same
     * day or after the engine restarted.
     */
    @Test
    void cutOffALaneEngineReleasesABundleOnceEvenAfterARestart() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        broker.pause();
        releaseAt(lmc, "LMC-S-01", truck, "RELEASE");
        JsonObject later = decideAt(lmc, "LMC-S-02", truck); // half an hour later, another lane
        assertEquals("INSPECT", later.getString("decision"), later.encode());
        assertEquals(List.of("NO_BUNDLE"), later.getJsonArray("reasons").getList(), later.encode());

        lmc = restarted(lmc);
        JsonObject afterRestart = decideAt(lmc, "LMC-S-03", truck);
        assertEquals("INSPECT", afterRestart.getString("decision"), afterRestart.encode());
        assertEquals(List.of("NO_BUNDLE"), afterRestart.getJsonArray("reasons").getList(), afterRestart.encode());

        broker.resume();
        awaitBundleStatus(truck.bundleId(), "USED");
        assertEquals(
                1, audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED").size());
        assertEquals(
                0,
                audit("bundle=" + truck.bundleId() + "&limit=50", "SUSPECTED_CLONE")
                        .size());
    }

    /**
     * Released at a lane engine cut off from the registry while the trucker unbundled the bundle
     * and bundled its CCRN again to the same vehicle: the truck crossed with that cargo, so when
     * Kafka is back the CCRN is CROSSED (it cannot cross again), the old bundle USED, supervisors
     * find it in the audit trail, and the vehicle's new bundle, holding a crossed CCRN, is inspected.
     */
    @Test
    void aReleaseWhileCutOffOfABundleUnbundledMeanwhileIsStillItsCrossing() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        broker.pause();
        String arrival = releaseAt(lmc, "LMC-S-02", truck, "RELEASE");
        registryApi
                .delete("/api/v1/bundles/" + truck.bundleId(), trucker.token())
                .expect(200);
        assertEquals(
                "LODGED", registryApi.consignment(shipper.token(), truck.ccrn()).getString("status"));
        String again = registryApi
                .bundle(trucker.token(), truck.mark(), "IMPORT", truck.ccrn())
                .getString("bundleId");
        broker.resume();

        awaitBundleStatus(truck.bundleId(), "USED");
        JsonObject consignment = registryApi.consignment(shipper.token(), truck.ccrn());
        assertEquals("CROSSED", consignment.getString("status"), consignment.encode());
        assertEquals(arrival, consignment.getJsonObject("crossing").getString("arrivalId"));
        JsonArray raised = audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED_AFTER_UNBUNDLING");
        assertEquals(1, raised.size(), raised.encode());
        assertTrue(raised.getJsonObject(0).getString("detail").contains(arrival), raised.encode());
        assertEquals(
                0,
                audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSING_IGNORED")
                        .size());
        assertEquals(
                "ACTIVE",
                registryApi
                        .get("/api/v1/bundles/" + again, trucker.token())
                        .expect(200)
                        .json()
                        .getString("status"),
                "the vehicle's new bundle stays");

        awaitCaughtUp(lmc);
        JsonObject next = decideAt(lmc, "LMC-S-03", truck);
        assertEquals("INSPECT", next.getString("decision"), next.encode());
        assertTrue(next.getJsonArray("reasons").getList().contains("CCRN_INVALID"), next.encode());
    }

    /**
     * A lane engine's decisions are in the registry's audit trail as LANE_DECISION: each found by
     * every record it names (README: "each finds every entry naming it"), not by its arrival alone.
     * A RELEASE (recorded with its crossing, a change of two events) and an INSPECT (one event).
     */
    @Test
    void aLaneEnginesDecisionsAreFoundAtTheRegistryByEveryRecordTheyName() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        String released = releaseAt(lmc, "LMC-S-04", truck, "RELEASE");
        JsonObject inspected = decideAt(lmc, "LMC-S-04", truck); // its bundle is used now
        assertEquals("INSPECT", inspected.getString("decision"), inspected.encode());
        String inspection = inspected.getString("arrivalId");
        await(() -> audit("arrival=" + inspection, "LANE_DECISION").size() == 1, "the inspection at the registry");

        for (String query : List.of(
                "lane=LMC-S-04", "vehicle=" + truck.mark(), "bundle=" + truck.bundleId(), "ccrn=" + truck.ccrn())) {
            assertTrue(decisions(query).contains(released), "the RELEASE found by " + query);
        }
        for (String query : List.of("lane=LMC-S-04", "vehicle=" + truck.mark())) {
            assertTrue(decisions(query).contains(inspection), "the INSPECT found by " + query);
        }
        assertFalse(decisions("lane=LMC-S-01").contains(released), "not by another lane");
    }

    /** The arrivals of the LANE_DECISION entries a query finds. */
    private List<String> decisions(String query) {
        return registryApi
                .get("/api/v1/audit?" + query + "&limit=500", supervisor.token())
                .expect(200)
                .json()
                .getJsonArray("entries")
                .stream()
                .map(JsonObject.class::cast)
                .filter(e -> "LANE_DECISION".equals(e.getString("action")))
                .map(e -> e.getString("subject"))
                .toList();
    }

    @Test
    void aLaneEngineOnAnEmptyFolderRebuildsFromTheRegistrysSnapshot(@TempDir Path folder) {
        Truck truck = bundledTruck();
        LaneEngine mkt = startLaneEngine(folder.resolve("mkt"), "MKT");
        try {
            assertTrue(
                    health(mkt).getJsonObject("feed").getLong("applied") > 0,
                    "rebuilt: " + health(mkt).encode());
            releaseAt(mkt, "MKT-S-01", truck, "RELEASE");
            awaitBundleStatus(truck.bundleId(), "USED");
        } finally {
            laneEngines.remove(mkt);
            mkt.engine().close(); // before the test's folder goes
        }
    }

    @Test
    void aBrokerRestartLosesNoEntryAndAppliesNoneTwice() {
        broker.stop();
        List<Truck> trucks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            trucks.add(bundledTruck());
        }
        broker.start();
        awaitCaughtUp(lmc);
        for (Truck truck : trucks) {
            releaseAt(lmc, "LMC-S-02", truck, "RELEASE");
        }
        for (Truck truck : trucks) {
            awaitBundleStatus(truck.bundleId(), "USED");
            assertEquals(
                    1,
                    audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED").size());
        }
    }

    /**
     * Kafka delivers again what a consumer had not committed (a rebalance, a restart); here every
     * lane report on the topic is sent a second time: the registry records none of them again.
     */
    @Test
    void reportsDeliveredTwiceAreRecordedOnce() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        String arrival = releaseAt(lmc, "LMC-S-03", truck, "RELEASE");
        awaitBundleStatus(truck.bundleId(), "USED");
        int decisions =
                audit("arrival=" + arrival + "&limit=50", "LANE_DECISION").size();
        assertEquals(1, decisions, "the decision is in the registry's audit trail once");

        long copied = KafkaTopics.copyAll(broker.bootstrapServers(), Topology.DEFAULT_LANE_REPORTS_TOPIC);
        assertTrue(copied > 0, "there were reports to send again");
        await(
                () -> KafkaTopics.consumed(
                        broker.bootstrapServers(), "seamless-registry", Topology.DEFAULT_LANE_REPORTS_TOPIC),
                "the registry has read the copies");
        assertEquals(
                1, audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED").size());
        assertEquals(
                1, audit("arrival=" + arrival + "&limit=50", "LANE_DECISION").size());
        assertEquals(
                0,
                audit("bundle=" + truck.bundleId() + "&limit=50", "SUSPECTED_CLONE")
                        .size(),
                "the same arrival again is not a clone");
    }
}
