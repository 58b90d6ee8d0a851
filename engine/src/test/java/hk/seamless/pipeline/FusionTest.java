package hk.seamless.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.Direction;
import hk.seamless.config.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fusion of reads into arrivals, frames of one vehicle, and the vehicle's presence at the lane after
 * its decision, with time given by hand: no clock, no sleeps.
 */
class FusionTest {

    private static final long WINDOW = 1_000;
    private static final long PRESENCE = 10_000;

    private final Lane withRfid = new Lane("LMC-S-01", "LMC", Direction.IMPORT, true);
    private final Lane cameraOnly = new Lane("MKT-S-01", "MKT", Direction.IMPORT, false);
    private static final int THRESHOLD = 80;

    /** The tags the lane knows: E200AAAA is on AB1234. */
    private static final Map<String, String> TAGS = Map.of(
            "E200AAAA", "AB1234",
            "E200BBBB", "CD567",
            "E200CAFE", "RBX4471",
            "E200BEEF", "R8X4471");
    /** The registered vehicles: those with tags, and a few without. */
    private static final Set<String> REGISTERED = Set.of("AB1234", "CD567", "RBX4471", "R8X4471", "FU1238", "KM4471");

    private static final SameVehicle.LaneVehicles LANE_VEHICLES = new SameVehicle.LaneVehicles() {
        @Override
        public boolean vehicleByTag(CharSequence epc, StringBuilder mark) {
            String m = TAGS.get(epc.toString());
            mark.setLength(0);
            if (m != null) {
                mark.append(m);
            }
            return m != null;
        }

        @Override
        public boolean isRegistered(CharSequence canonicalMark) {
            return REGISTERED.contains(canonicalMark.toString());
        }
    };

    private final Fusion fusion = new Fusion(
            List.of(withRfid, cameraOnly),
            WINDOW,
            PRESENCE,
            new ArrivalIds(0),
            new SameVehicle(LANE_VEHICLES, THRESHOLD));
    private final List<String> decided = new ArrayList<>();

    /** What the pipeline does with a completed arrival; here: note what it had, and mark it decided. */
    private void decide(Arrival a) {
        decided.add(a.id + ":" + (a.hasPlate ? a.plate.plate() : "-") + "/" + (a.hasTag ? a.epc : "-")
                + (a.emptyPressed ? "/EMPTY" : ""));
        if (a.hasReadablePlate) {
            a.vehicleMark.append(a.plate.plate().toString().replace(" ", "").replace("-", ""));
        } else if (a.hasTag && TAGS.containsKey(a.epc.toString())) {
            a.vehicleMark.append(TAGS.get(a.epc.toString()));
        }
        a.verdict = Verdict.INSPECT;
    }

    private Fusion.Taken plate(int lane, String text, int confidence, long now, String... candidates) {
        LaneEvent e = new LaneEvent();
        e.clear();
        e.type = LaneEventType.PLATE;
        e.laneIndex = lane;
        e.plate.setPlate(text);
        e.plate.setConfidence(confidence);
        for (String c : candidates) {
            e.plate.addCandidate(c, confidence - 10);
        }
        return fusion.onRead(e, now, this::decide);
    }

    private Fusion.Taken tag(int lane, String epc, long now) {
        LaneEvent e = new LaneEvent();
        e.clear();
        e.type = LaneEventType.TAG;
        e.laneIndex = lane;
        e.epc.append(epc);
        return fusion.onRead(e, now, this::decide);
    }

    private Fusion.Taken empty(int lane, long now) {
        LaneEvent e = new LaneEvent();
        e.clear();
        e.type = LaneEventType.EMPTY;
        e.laneIndex = lane;
        return fusion.onRead(e, now, this::decide);
    }

    @Test
    void aLaneWithAnRfidReaderWaitsForBothReads() {
        assertEquals(Fusion.Taken.WAITING, plate(0, "AB1234", 95, 10_000));
        assertNull(fusion.arrivalAt(0).verdict);
        assertTrue(decided.isEmpty());
        assertEquals(Fusion.Taken.DECIDED, tag(0, "E200AAAA", 10_400));
        assertEquals(List.of("LMC-S-01.0.1:AB1234/E200AAAA"), decided);
    }

    @Test
    void whenTheWindowRunsOutTheArrivalIsDecidedWithWhatItHas() {
        plate(0, "AB1234", 95, 10_000);
        fusion.onTick(10_999, this::decide);
        assertTrue(decided.isEmpty(), "still inside the fusion window");
        fusion.onTick(11_000, this::decide);
        assertEquals(List.of("LMC-S-01.0.1:AB1234/-"), decided);
        fusion.onTick(20_000, this::decide);
        assertEquals(1, decided.size(), "an arrival is decided once");
    }

    @Test
    void aCameraOnlyLaneDecidesOnThePlateAtOnce() {
        assertEquals(Fusion.Taken.DECIDED, plate(1, "FU1234", 90, 5_000));
        assertEquals(Verdict.INSPECT, fusion.arrivalAt(1).verdict);
        assertEquals(List.of("MKT-S-01.0.1:FU1234/-"), decided);
    }

    @Test
    void aDifferentPlateWhileOneWaitsIsTheNextVehicle() {
        plate(0, "AB1234", 95, 1_000);
        assertEquals(Fusion.Taken.WAITING, plate(0, "CD 567", 95, 1_200));
        assertEquals(List.of("LMC-S-01.0.1:AB1234/-"), decided, "the waiting arrival is decided first");
        Arrival next = fusion.arrivalAt(0);
        assertFalse(next.hasTag);
        assertEquals("LMC-S-01.0.2", next.id);
        tag(0, "E200BBBB", 1_300);
        assertEquals("LMC-S-01.0.2:CD 567/E200BBBB", decided.get(1));
    }

    @Test
    void theSamePlateReadAgainJoinsTheSameArrivalKeepingTheBetterRead() {
        plate(0, "AB 1234", 70, 1_000);
        assertEquals(Fusion.Taken.WAITING, plate(0, "AB-1234", 96, 1_100));
        assertTrue(decided.isEmpty(), "a repeated read of the same mark is not a new vehicle");
        assertEquals(96, fusion.arrivalAt(0).plate.confidence());
        tag(0, "E200CCCC", 1_200);
        assertEquals(List.of("LMC-S-01.0.1:AB-1234/E200CCCC"), decided);
    }

    @Test
    void framesThatDifferByALookAlikeCharacterAreOneVehicle() {
        plate(0, "XB1347", 91, 1_000);
        assertEquals(
                Fusion.Taken.WAITING, plate(0, "X81347", 88, 1_050), "B and 8 are one frame apart, not two trucks");
        assertTrue(decided.isEmpty());
        Arrival arrival = fusion.arrivalAt(0);
        assertEquals(2, arrival.frames);
        assertEquals(
                "X81347", arrival.plate.candidate(0).toString(), "the other frame's reading is kept as a candidate");
        assertEquals(88, arrival.plate.candidateConfidence(0));
    }

    @Test
    void framesNamingEachOthersCandidatesAreOneVehicle() {
        plate(0, "KM4471", 90, 1_000, "KM4474");
        assertEquals(Fusion.Taken.WAITING, plate(0, "KM4474", 92, 1_100));
        assertEquals(
                Fusion.Taken.WAITING, plate(0, "HM4474", 85, 1_150, "KM4474"), "its candidate is the arrival's plate");
        assertTrue(decided.isEmpty());
        assertEquals("KM4474", fusion.arrivalAt(0).plate.plate().toString(), "the most confident frame is the plate");
    }

    @Test
    void aFrameAfterTheDecisionIsARepeatNeverDecidedAgain() {
        plate(1, "FU1238", 93, 1_000);
        assertEquals(Fusion.Taken.REPEAT, plate(1, "FU123B", 90, 1_200), "a frame of the truck passing the boom");
        assertEquals(Fusion.Taken.REPEAT, plate(1, "FU1238", 95, 9_000));
        assertEquals(Fusion.Taken.REPEAT, plate(1, "FU1238", 95, 18_000), "each read extends its presence");
        assertEquals(1, decided.size());
        assertEquals(3, fusion.arrivalAt(1).repeatReads);
        assertTrue(fusion.isPresent(1, "MKT-S-01.0.1", 18_500));
    }

    @Test
    void afterThePresenceWindowTheSameVehicleIsANewArrival() {
        plate(1, "FU1238", 93, 1_000);
        assertFalse(fusion.isPresent(1, "MKT-S-01.0.1", 11_000));
        assertEquals(Fusion.Taken.DECIDED, plate(1, "FU1238", 93, 11_000));
        assertEquals(2, decided.size());
    }

    @Test
    void anotherVehiclesReadEndsThePresenceAtOnce() {
        plate(1, "FU1238", 93, 1_000);
        assertEquals(Fusion.Taken.DECIDED, plate(1, "KM4471", 93, 1_500));
        assertFalse(fusion.isPresent(1, "MKT-S-01.0.1", 1_600));
        assertEquals(Fusion.Taken.DECIDED, plate(1, "FU1238", 93, 1_700), "the first truck came back: a new arrival");
        assertEquals(3, decided.size());
    }

    @Test
    void theLoopDetectorReportingClearEndsThePresence() {
        plate(1, "FU1238", 93, 1_000);
        fusion.onLaneClear(1);
        assertFalse(fusion.isPresent(1, "MKT-S-01.0.1", 1_100));
        assertEquals(Fusion.Taken.DECIDED, plate(1, "FU1238", 93, 1_200));
    }

    @Test
    void aLateTagOfTheDecidedVehicleIsARepeatAndAnotherTagIsTheNextVehicle() {
        plate(0, "AB1234", 95, 1_000);
        fusion.onTick(2_000, this::decide);
        assertEquals(1, decided.size());
        assertEquals(Fusion.Taken.REPEAT, tag(0, "E200AAAA", 2_100), "the tag of AB1234, read late");
        assertEquals(Fusion.Taken.WAITING, tag(0, "E200BBBB", 2_200), "CD567's tag: the next vehicle");
        assertEquals("LMC-S-01.0.2", fusion.arrivalAt(0).id);
    }

    @Test
    void theEmptyButtonJoinsTheArrivalButDoesNotCompleteIt() {
        empty(0, 1_000);
        plate(0, "AB1234", 95, 1_100);
        assertTrue(decided.isEmpty());
        tag(0, "E200DDDD", 1_200);
        assertEquals(List.of("LMC-S-01.0.1:AB1234/E200DDDD/EMPTY"), decided);
    }

    @Test
    void aFrameLinkedThroughItsCandidateToAnEarlierFrameIsTheSameVehicle() {
        plate(0, "AB1234", 85, 1_000, "AB1234");
        assertEquals(Fusion.Taken.WAITING, plate(0, "AB1284", 95, 1_100, "AB1234"), "its candidate is frame 1's mark");
        assertEquals(
                Fusion.Taken.WAITING,
                plate(0, "AB1294", 88, 1_200, "AB1234"),
                "its candidate is frame 1's mark, no longer the best frame's");
        assertTrue(decided.isEmpty(), "one truck, still waiting for its tag");
        assertEquals(3, fusion.arrivalAt(0).frames);
        assertEquals(Fusion.Taken.DECIDED, tag(0, "E200AAAA", 1_300));
        assertEquals(1, decided.size());
    }

    @Test
    void framesSharingOnlyACandidateNeitherReadAreTwoVehicles() {
        plate(0, "AB1234", 90, 1_000, "KM4471");
        assertEquals(Fusion.Taken.WAITING, plate(0, "CD567", 90, 1_100, "KM4471"));
        assertEquals(1, decided.size(), "the rule links a frame's candidates to the other frames' readings only");
    }

    @Test
    void aGuangdongPlateFrameBeforeTheHongKongOneIsTheSameTruck() {
        assertEquals(Fusion.Taken.WAITING, plate(0, "粤B·12345港", 95, 1_000));
        assertEquals(Fusion.Taken.WAITING, plate(0, "AB1234", 92, 1_100));
        assertTrue(decided.isEmpty());
        assertEquals(Fusion.Taken.DECIDED, tag(0, "E200AAAA", 1_200));
        assertEquals(List.of("LMC-S-01.0.1:AB1234/E200AAAA"), decided, "the Hong Kong frame is the plate");
    }

    @Test
    void aGuangdongPlateFrameAfterTheHongKongOneIsTheSameTruck() {
        plate(0, "AB1234", 92, 1_000);
        assertEquals(Fusion.Taken.WAITING, plate(0, "粤B·12345港", 96, 1_100));
        assertTrue(decided.isEmpty(), "not the next vehicle: the window still waits for the tag");
        assertEquals(Fusion.Taken.DECIDED, tag(0, "E200AAAA", 1_200));
        assertEquals(List.of("LMC-S-01.0.1:AB1234/E200AAAA"), decided);
    }

    @Test
    void aFrameReadingNoHongKongMarkDoesNotCompleteACameraOnlyLane() {
        assertEquals(Fusion.Taken.WAITING, plate(1, "粤Z·A123港", 95, 1_000));
        assertEquals(Fusion.Taken.WAITING, plate(1, "", 0, 1_100), "a frame in which nothing was read");
        assertTrue(decided.isEmpty());
        assertEquals(Fusion.Taken.DECIDED, plate(1, "FU1238", 90, 1_200));
        assertEquals(List.of("MKT-S-01.0.1:FU1238/-"), decided);
    }

    @Test
    void framesReadingNoHongKongMarkAreDecidedWhenTheWindowRunsOut() {
        plate(1, "粤Z·A123港", 95, 1_000);
        fusion.onTick(2_000, this::decide);
        assertEquals(1, decided.size(), "decided with what it has: nothing that names a vehicle");
        assertFalse(fusion.arrivalAt(1).hasReadablePlate);
    }

    @Test
    void aFrameReadingNoMarkAfterTheDecisionIsNotARepeatOfIt() {
        plate(1, "FU1238", 93, 1_000);
        assertEquals(
                Fusion.Taken.WAITING,
                plate(1, "粤Z·A123港", 95, 2_000),
                "a repeat is a read of the same mark or tag: this one waits for its window as the next arrival");
        assertFalse(fusion.isPresent(1, "MKT-S-01.0.1", 2_100));
        fusion.onTick(3_000, this::decide);
        assertEquals(2, decided.size());
    }

    @Test
    void aFrameBelowTheThresholdDoesNotCompleteACameraOnlyLane() {
        assertEquals(Fusion.Taken.WAITING, plate(1, "FU1238", 70, 1_000), "70% names nobody: wait for a better frame");
        assertTrue(decided.isEmpty());
        assertEquals(Fusion.Taken.DECIDED, plate(1, "FU1238", 95, 1_100));
        assertEquals(List.of("MKT-S-01.0.1:FU1238/-"), decided);
        assertEquals(95, fusion.arrivalAt(1).plate.confidence(), "decided on the confident frame");
    }

    @Test
    void framesBelowTheThresholdAreDecidedWhenTheWindowRunsOut() {
        plate(1, "FU1238", 70, 1_000);
        fusion.onTick(1_999, this::decide);
        assertTrue(decided.isEmpty(), "still inside the fusion window");
        fusion.onTick(2_000, this::decide);
        assertEquals(List.of("MKT-S-01.0.1:FU1238/-"), decided, "decided with what it has");
    }

    @Test
    void aConfidentFrameOfAnotherMarkAfterOneBelowTheThresholdIsTheNextVehicle() {
        assertEquals(Fusion.Taken.WAITING, plate(1, "KM4479", 40, 1_000), "perhaps a truck whose plate is unreadable");
        assertEquals(Fusion.Taken.DECIDED, plate(1, "FU1238", 95, 1_100));
        assertEquals(
                List.of("MKT-S-01.0.1:KM4479/-", "MKT-S-01.0.2:FU1238/-"),
                decided,
                "the waiting arrival is decided first, with what it has");
    }

    @Test
    void aFrameOfAnotherMarkBelowTheThresholdWhileATruckIsPresentIsTheNextTruck() {
        // Perhaps the next truck, its plate unreadable, and perhaps its only frame: taken for noise,
        // it would wait at a closed gate with nothing for the officer to see.
        plate(1, "FU1238", 93, 1_000);
        assertEquals(Fusion.Taken.WAITING, plate(1, "KM4479", 40, 1_500));
        assertFalse(fusion.isPresent(1, "MKT-S-01.0.1", 1_600), "the truck before is no longer the one at the lane");
        fusion.onTick(2_500, this::decide);
        assertEquals(List.of("MKT-S-01.0.1:FU1238/-", "MKT-S-01.0.2:KM4479/-"), decided);
    }

    @Test
    void afterTheLoopDetectorReportsClearAFrameBelowTheThresholdIsTheNextArrival() {
        plate(1, "FU1238", 93, 1_000);
        fusion.onLaneClear(1);
        assertEquals(Fusion.Taken.WAITING, plate(1, "KM4479", 40, 1_200), "an unreadable truck: it waits");
        fusion.onTick(2_200, this::decide);
        assertEquals(2, decided.size());
    }

    @Test
    void aConfidentFrameOfAnotherRegisteredVehicleStillEndsThePresence() {
        plate(1, "FU1238", 93, 1_000);
        plate(1, "KM4479", 40, 1_200);
        assertEquals(Fusion.Taken.DECIDED, plate(1, "KM4471", 90, 1_300));
        assertFalse(fusion.isPresent(1, "MKT-S-01.0.1", 1_400));
    }

    @Test
    void anEmptyPressWhileTheLastTruckIsPresentGoesToTheNextTruckIfItFollowsAtOnce() {
        plate(0, "AB1234", 95, 1_000);
        tag(0, "E200AAAA", 1_100);
        assertEquals(Fusion.Taken.REPEAT, empty(0, 1_400), "recorded with the truck still present");
        assertEquals(Fusion.Taken.WAITING, plate(0, "CD567", 95, 1_700));
        tag(0, "E200BBBB", 1_800);
        assertEquals(
                "LMC-S-01.0.2:CD567/E200BBBB/EMPTY", decided.get(1), "the next truck's driver may have pressed it");
    }

    @Test
    void anEmptyPressLongBeforeTheNextTruckIsNotCarriedOver() {
        plate(0, "AB1234", 95, 1_000);
        tag(0, "E200AAAA", 1_100);
        empty(0, 1_400);
        plate(0, "CD567", 95, 1_400 + WINDOW + 1);
        tag(0, "E200BBBB", 1_400 + WINDOW + 50);
        assertEquals("LMC-S-01.0.2:CD567/E200BBBB", decided.get(1));
    }

    @Test
    void aConfidentFrameOfARegisteredLookAlikeAfterTheDecisionIsAnotherVehicle() {
        plate(1, "RBX4471", 95, 1_000);
        assertEquals(
                Fusion.Taken.DECIDED,
                plate(1, "R8X4471", 94, 1_500),
                "a registered vehicle read confidently is that vehicle, not a misread of the one before");
        assertEquals(2, decided.size());
        assertEquals(
                Fusion.Taken.REPEAT,
                plate(1, "RBX4471", 60, 1_600),
                "a frame below the confidence threshold names nobody for sure: a repeat of the look-alike present");
    }

    @Test
    void aLookAlikeFrameNamingNoRegisteredVehicleAfterTheDecisionIsARepeat() {
        plate(1, "FU1238", 95, 1_000);
        assertEquals(Fusion.Taken.REPEAT, plate(1, "FU123B", 95, 1_200), "FU123B is nobody's: FU1238 misread");
        assertEquals(1, decided.size());
    }

    @Test
    void theTagOfARegisteredLookAlikeAfterTheDecisionIsTheNextVehicle() {
        plate(0, "RBX4471", 95, 1_000);
        fusion.onTick(2_000, this::decide);
        assertEquals(Fusion.Taken.REPEAT, tag(0, "E200CAFE", 2_100), "RBX4471's own tag, late");
        assertEquals(Fusion.Taken.WAITING, tag(0, "E200BEEF", 2_200), "R8X4471's tag: another vehicle");
        assertEquals("LMC-S-01.0.2", fusion.arrivalAt(0).id);
    }

    @Test
    void aFailedDecisionStillLeavesTheLaneReadyForTheNextVehicle() {
        Fusion failing = new Fusion(
                List.of(cameraOnly), WINDOW, PRESENCE, new ArrivalIds(0), new SameVehicle(LANE_VEHICLES, THRESHOLD));
        LaneEvent e = new LaneEvent();
        e.clear();
        e.type = LaneEventType.PLATE;
        e.laneIndex = 0;
        e.plate.setPlate("AB1");
        e.plate.setConfidence(95); // a confident frame: a camera-only lane decides on it at once
        try {
            failing.onRead(e, 0, a -> {
                throw new IllegalStateException("engine fault");
            });
        } catch (IllegalStateException expected) {
            // the pipeline's exception handler holds the gate
        }
        assertEquals(
                Fusion.Taken.DECIDED,
                failing.onRead(e, 10, this::decide),
                "an arrival that was never decided leaves no vehicle present: the same plate is decided now");
        assertEquals(Verdict.INSPECT, failing.arrivalAt(0).verdict);
    }
}
