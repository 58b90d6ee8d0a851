package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OracleTest {

    static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    final Oracle oracle = new Oracle(Duration.ofSeconds(2));

    static SimVehicle bundled(String mark, Instant earliest) {
        SimVehicle v = new SimVehicle(mark, "E2800000000000000000ABCD");
        v.bundleId = "B1";
        v.direction = "IMPORT";
        v.earliestCrossingAt = earliest;
        return v;
    }

    static Decision decision(String verdict, String mark, String bundle, String... reasons) {
        return new Decision("A1", "LMC-S-01", mark, verdict, Set.of(reasons), bundle);
    }

    @Test
    void anOnTimeArrivalIsReleasedOrRandomlySelected() {
        SimVehicle v = bundled("FU 1234", NOW.minusSeconds(60));
        for (Scenario s : List.of(Scenario.ONTIME, Scenario.MISREAD, Scenario.NOTAG, Scenario.EMPTY)) {
            Oracle.Expectation e = oracle.expect(s, v, null, NOW);
            assertEquals(List.of(new Oracle.Outcome("RELEASE", Set.of())), e.acceptable());
            assertTrue(e.randomEligible());
            assertEquals("FU1234", e.mark());
            assertNull(Oracle.wrongness(e, decision("RELEASE", "FU1234", "B1")));
            assertNull(Oracle.wrongness(e, decision("INSPECT", "FU1234", "B1", "RANDOM_SELECTION")));
            assertNotNull(Oracle.wrongness(e, decision("INSPECT", "FU1234", "B1", "RANDOM_SELECTION", "WATCHLIST")));
            assertNotNull(Oracle.wrongness(e, decision("RELEASE", "FU1234", "B2")), "the wrong bundle released");
            assertNotNull(Oracle.wrongness(e, decision("REFER", "FU1234", null, "UNIDENTIFIED_VEHICLE")));
        }
        Oracle.Judgement picked = Oracle.judge(
                oracle.expect(Scenario.ONTIME, v, null, NOW), decision("INSPECT", "FU1234", "B1", "RANDOM_SELECTION"));
        assertTrue(picked.right() && picked.eligible() && picked.selected());
    }

    @Test
    void beforeTheEarliestCrossingTimeItIsEarlyAndNearItEitherIsRight() {
        SimVehicle early = bundled("AB 123", NOW.plus(Duration.ofMinutes(29)));
        Oracle.Expectation e = oracle.expect(Scenario.ONTIME, early, null, NOW);
        assertEquals(List.of(new Oracle.Outcome("INSPECT", Set.of("EARLY_ARRIVAL"))), e.acceptable());
        assertFalse(e.randomEligible());
        assertNotNull(Oracle.wrongness(e, decision("RELEASE", "AB123", "B1")));
        assertNotNull(Oracle.wrongness(e, decision("INSPECT", "AB123", "B1", "RANDOM_SELECTION")));

        SimVehicle borderline = bundled("AB 123", NOW.plusMillis(500));
        Oracle.Expectation either = oracle.expect(Scenario.ONTIME, borderline, null, NOW);
        assertNull(Oracle.wrongness(either, decision("RELEASE", "AB123", "B1")));
        assertNull(Oracle.wrongness(either, decision("INSPECT", "AB123", "B1", "EARLY_ARRIVAL")));

        Oracle.Expectation watched = oracle.expect(Scenario.WATCHLISTED, early, null, NOW);
        assertNull(Oracle.wrongness(watched, decision("INSPECT", "AB123", "B1", "WATCHLIST", "EARLY_ARRIVAL")));
        assertNotNull(Oracle.wrongness(watched, decision("INSPECT", "AB123", "B1", "WATCHLIST")));
        Oracle.Expectation watchedDue =
                oracle.expect(Scenario.WATCHLISTED, bundled("AB 123", NOW.minusSeconds(5)), null, NOW);
        assertNull(Oracle.wrongness(watchedDue, decision("INSPECT", "AB123", "B1", "WATCHLIST")));
        assertFalse(watchedDue.randomEligible());
    }

    @Test
    void identityProblemsAreReferredAndMissingBundlesInspected() {
        SimVehicle plate = new SimVehicle("KT 88", "E28000000000000000000001");
        SimVehicle tag = new SimVehicle("PR 4521", "E28000000000000000000002");
        Oracle.Expectation mismatch = oracle.expect(Scenario.MISMATCH, plate, tag, NOW);
        assertEquals("PR4521", mismatch.mark(), "the decision names the tag's vehicle");
        assertNull(Oracle.wrongness(mismatch, decision("REFER", "PR4521", null, "PLATE_TAG_MISMATCH")));
        assertNotNull(Oracle.wrongness(mismatch, decision("REFER", "PR4521", null, "UNIDENTIFIED_VEHICLE")));

        Oracle.Expectation lowconf = oracle.expect(Scenario.LOWCONF, bundled("KT 88", NOW.minusSeconds(9)), null, NOW);
        assertNull(Oracle.wrongness(lowconf, decision("REFER", "KT88", null, "UNIDENTIFIED_VEHICLE")));
        assertNotNull(
                Oracle.wrongness(lowconf, decision("RELEASE", "KT88", "B1")),
                "a low-confidence plate alone opens no gate");

        Oracle.Expectation unbundled = oracle.expect(Scenario.UNBUNDLED, plate, null, NOW);
        assertNull(Oracle.wrongness(unbundled, decision("INSPECT", "KT88", null, "NO_BUNDLE")));
        assertNotNull(Oracle.wrongness(unbundled, decision("INSPECT", "KT88", null, "RANDOM_SELECTION")));
        assertNotNull(Oracle.wrongness(unbundled, decision("INSPECT", "KT8", null, "NO_BUNDLE")), "another vehicle");
    }

    @Test
    void randomSelectionIsWrongOnlyOutsideFourStandardDeviations() {
        RandomSelectionCheck fair = new RandomSelectionCheck();
        for (int i = 0; i < 10_000; i++) {
            fair.add(0.03, i % 33 == 0); // 3.03%
        }
        assertTrue(fair.withinBounds(), fair.text());
        RandomSelectionCheck never = new RandomSelectionCheck();
        for (int i = 0; i < 10_000; i++) {
            never.add(0.03, false);
        }
        assertFalse(never.withinBounds(), never.text()); // expected 300, sd 17: 0 is far out
        RandomSelectionCheck tooOften = new RandomSelectionCheck();
        for (int i = 0; i < 10_000; i++) {
            tooOften.add(0.03, i % 20 == 0); // 5%
        }
        assertFalse(tooOften.withinBounds(), tooOften.text());
        RandomSelectionCheck off = new RandomSelectionCheck();
        off.add(0.0, false);
        off.add(0.0, true);
        assertFalse(off.withinBounds(), "a rate of 0 selects nothing");
        RandomSelectionCheck few = new RandomSelectionCheck();
        for (int i = 0; i < 50; i++) {
            few.add(0.03, i < 3); // 6% of 50: small samples vary a lot
        }
        assertTrue(few.withinBounds(), few.text());
    }

    @Test
    void misreadsAndMarksAreWhatTheRulesResolve() {
        assertEquals("FU1Z58", LaneMessages.misread("FU1258"));
        assertEquals("FU34B", LaneMessages.misread("FU348"));
        assertEquals("AB1S3", LaneMessages.misread("AB153"));
        assertEquals("KTI0", LaneMessages.misread("KT10"));
        assertEquals("KTI47", LaneMessages.misread("KT147"));
        VehicleFactory factory = new VehicleFactory(3);
        for (int i = 0; i < 2000; i++) {
            SimVehicle v = factory.next(true, i % 2 == 0);
            assertTrue(VehicleFactory.isOrdinary(v.canonical), v.display);
            assertTrue(v.epc.matches("[0-9A-F]{24}"));
            if (i % 2 == 0) {
                String seen = LaneMessages.misread(v.canonical);
                assertFalse(VehicleFactory.isOrdinary(seen), "a misread must not be another vehicle's mark: " + seen);
            }
        }
    }

    @Test
    void aSuspendedAccountMakesTheArrivalReferredWhateverElseHolds() {
        SimVehicle v = bundled("FU 1234", NOW.minusSeconds(60));
        v.accountSuspended = true;
        Oracle.Expectation e = oracle.expect(Scenario.SUSPENDED, v, null, NOW);
        assertEquals(List.of(new Oracle.Outcome("REFER", Set.of("ACCOUNT_SUSPENDED"))), e.acceptable());
        assertFalse(e.randomEligible(), "an arrival with a reason is never drawn for random selection");
        assertNull(Oracle.wrongness(e, decision("REFER", "FU1234", "B1", "ACCOUNT_SUSPENDED")));
        assertNotNull(Oracle.wrongness(e, decision("RELEASE", "FU1234", "B1")));
        assertNotNull(Oracle.wrongness(e, decision("INSPECT", "FU1234", "B1", "ACCOUNT_SUSPENDED")));
        assertNotNull(Oracle.wrongness(e, decision("REFER", "FU1234", "B1", "ACCOUNT_SUSPENDED", "RANDOM_SELECTION")));

        SimVehicle early = bundled("FU 1234", NOW.plus(Duration.ofMinutes(20)));
        early.accountSuspended = true;
        Oracle.Expectation reasonsAccumulate = oracle.expect(Scenario.SUSPENDED, early, null, NOW);
        assertNull(Oracle.wrongness(
                reasonsAccumulate, decision("REFER", "FU1234", "B1", "ACCOUNT_SUSPENDED", "EARLY_ARRIVAL")));
        assertNotNull(Oracle.wrongness(reasonsAccumulate, decision("INSPECT", "FU1234", "B1", "EARLY_ARRIVAL")));

        Oracle.Expectation targeted =
                oracle.expect(Scenario.TARGETED, bundled("FU 1234", NOW.minusSeconds(60)), null, NOW);
        assertEquals(
                List.of(new Oracle.Outcome("INSPECT", Set.of("RISK_RULE"))),
                targeted.acceptable(),
                "a targeting rule made after bundling applies at the lane");
        assertEquals(
                new Oracle.Outcome("REFER", Set.of("ACCOUNT_SUSPENDED", "WATCHLIST")),
                Oracle.verdict(Set.of("ACCOUNT_SUSPENDED", "WATCHLIST"), true));
        assertEquals(
                new Oracle.Outcome("INSPECT", Set.of("WATCHLIST")),
                Oracle.verdict(Set.of("WATCHLIST"), false),
                "a gate-less lane only holds what would have been released");
    }

    @Test
    void aWouldBeReleaseAtALaneWithoutItsGateIsHeldAfterTheRandomDraw() {
        SimVehicle v = bundled("FU 1234", NOW.minusSeconds(60));
        Oracle.Expectation down = oracle.expect(Scenario.GATEDROP, v, null, NOW, false);
        assertEquals(List.of(new Oracle.Outcome("HOLD", Set.of("GATE_UNAVAILABLE"))), down.acceptable());
        assertTrue(down.randomEligible());
        assertNull(Oracle.wrongness(down, decision("HOLD", "FU1234", "B1", "GATE_UNAVAILABLE")));
        assertNull(Oracle.wrongness(down, decision("INSPECT", "FU1234", "B1", "RANDOM_SELECTION")));
        assertNotNull(Oracle.wrongness(down, decision("RELEASE", "FU1234", "B1")), "there is no gate to open");
        assertNotNull(Oracle.wrongness(down, decision("HOLD", "FU1234", "B1", "GATE_UNAVAILABLE", "RANDOM_SELECTION")));
        Oracle.Judgement held = Oracle.judge(down, decision("HOLD", "FU1234", "B1", "GATE_UNAVAILABLE"));
        assertTrue(held.right() && held.eligible() && !held.selected(), "a HOLD was drawn for and not selected");

        Oracle.Expectation up = oracle.expect(Scenario.GATEDROP, v, null, NOW, true);
        assertNull(Oracle.wrongness(up, decision("RELEASE", "FU1234", "B1")));
        assertNotNull(Oracle.wrongness(up, decision("HOLD", "FU1234", "B1", "GATE_UNAVAILABLE")));

        Oracle.Expectation earlyDown =
                oracle.expect(Scenario.GATEDROP, bundled("FU 1234", NOW.plusSeconds(600)), null, NOW, false);
        assertEquals(List.of(new Oracle.Outcome("INSPECT", Set.of("EARLY_ARRIVAL"))), earlyDown.acceptable());
    }

    @Test
    void aTwinReadExactlyIsItselfAndCandidatesBelowTheThresholdIdentifyNobody() {
        SimVehicle partner = bundled("FU 1258", NOW.minusSeconds(60));
        SimVehicle twin = new VehicleFactory(1).twinOf(partner);
        assertEquals("FU1Z58", twin.canonical);
        Oracle.Expectation e = oracle.expect(Scenario.TWIN, twin, null, NOW);
        assertEquals("FU1Z58", e.mark());
        assertNull(Oracle.wrongness(e, decision("INSPECT", "FU1Z58", null, "NO_BUNDLE")));
        assertNotNull(
                Oracle.wrongness(e, decision("RELEASE", "FU1258", "B1")),
                "the look-alike's bundle must not let the twin through");
        assertNotNull(
                Oracle.wrongness(e, decision("INSPECT", "FU1258", null, "NO_BUNDLE")),
                "the decision names the other vehicle");

        Oracle.Expectation lowcand = oracle.expect(Scenario.LOWCAND, partner, null, NOW);
        // The confident best plate names nobody registered: that unknown vehicle has no bundle.
        assertNull(Oracle.wrongness(lowcand, decision("INSPECT", "FU1258K", null, "NO_BUNDLE")));
        assertNotNull(
                Oracle.wrongness(lowcand, decision("INSPECT", "FU1258", null, "NO_BUNDLE")),
                "the decision names the vehicle only a weak candidate read");
        assertNotNull(
                Oracle.wrongness(lowcand, decision("RELEASE", "FU1258", "B1")),
                "a low-confidence candidate opened the gate");
    }

    @Test
    void framesOfOneVehicleAreOneArrivalAndALateFrameIsARepeat() {
        SimVehicle v = bundled("FU 1258", NOW.minusSeconds(60));
        // A watch-list entry lifted before the arrival no longer applies.
        for (Scenario s : List.of(Scenario.MULTIFRAME, Scenario.REPEAT, Scenario.WATCHLIFTED)) {
            Oracle.Expectation e = oracle.expect(s, v, null, NOW);
            assertEquals(List.of(new Oracle.Outcome("RELEASE", Set.of())), e.acceptable(), s.label());
            assertTrue(e.randomEligible());
        }
        assertNull(Oracle.repeatWrongness("LMC-S-01.7", 202, "{\"arrivalId\":\"LMC-S-01.7\",\"repeat\":true}"));
        assertNotNull(
                Oracle.repeatWrongness(
                        "LMC-S-01.7",
                        200,
                        "{\"arrivalId\":\"LMC-S-01.7\",\"decision\":\"INSPECT\"," + "\"reasons\":[\"NO_BUNDLE\"]}"),
                "decided again");
        assertNotNull(Oracle.repeatWrongness("LMC-S-01.7", 202, "{\"arrivalId\":\"LMC-S-01.8\"}"), "a new arrival");
        assertNotNull(
                Oracle.repeatWrongness("LMC-S-01.7", 202, "{\"arrivalId\":\"LMC-S-01.7\"}"), "not said to be a repeat");
        assertNotNull(Oracle.repeatWrongness("LMC-S-01.7", 503, "{\"title\":\"Unavailable\"}"));
        assertNotNull(Oracle.repeatWrongness("LMC-S-01.7", 202, "not json"));
    }
}
