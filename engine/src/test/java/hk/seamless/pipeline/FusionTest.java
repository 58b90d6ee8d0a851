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
    /** The tags the lane knows: E200AAAA is on AB1234. */
    private final Map<String, String> tags = Map.of("E200AAAA", "AB1234", "E200BBBB", "CD567");

    private final Fusion fusion = new Fusion(
            List.of(withRfid, cameraOnly), WINDOW, PRESENCE, new ArrivalIds(0), new SameVehicle((epc, mark) -> {
                String m = tags.get(epc.toString());
                mark.setLength(0);
                if (m != null) {
                    mark.append(m);
                }
                return m != null;
            }));
    private final List<String> decided = new ArrayList<>();

    /** What the pipeline does with a completed arrival; here: note what it had, and mark it decided. */
    private void decide(Arrival a) {
        decided.add(a.id + ":" + (a.hasPlate ? a.plate.plate() : "-") + "/" + (a.hasTag ? a.epc : "-")
                + (a.emptyPressed ? "/EMPTY" : ""));
        if (a.hasPlate) {
            a.vehicleMark.append(a.plate.plate().toString().replace(" ", "").replace("-", ""));
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
    void aFailedDecisionStillLeavesTheLaneReadyForTheNextVehicle() {
        Fusion failing = new Fusion(
                List.of(cameraOnly), WINDOW, PRESENCE, new ArrivalIds(0), new SameVehicle((epc, mark) -> false));
        LaneEvent e = new LaneEvent();
        e.clear();
        e.type = LaneEventType.PLATE;
        e.laneIndex = 0;
        e.plate.setPlate("AB1");
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
