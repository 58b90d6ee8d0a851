package hk.seamless.pipeline;

import hk.seamless.config.Direction;
import hk.seamless.config.Lane;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fusion of reads into arrivals, with time given by hand: no clock, no sleeps. */
class FusionTest {

    private final Lane withRfid = new Lane("LMC-S-01", "LMC", Direction.IMPORT, true);
    private final Lane cameraOnly = new Lane("MKT-S-01", "MKT", Direction.IMPORT, false);
    private final Fusion fusion = new Fusion(List.of(withRfid, cameraOnly), 1_000, new ArrivalIds(0));
    private final List<String> decided = new ArrayList<>();

    /** What the pipeline does with a completed arrival; here: note what it had, and mark it decided. */
    private void decide(Arrival a) {
        decided.add(a.id + ":" + (a.hasPlate ? a.plate.plate() : "-") + "/" + (a.hasTag ? a.epc : "-")
                + (a.emptyPressed ? "/EMPTY" : ""));
        a.verdict = Verdict.INSPECT;
    }

    private Arrival plate(int lane, String text, int confidence, long now) {
        LaneEvent e = new LaneEvent();
        e.clear();
        e.type = LaneEventType.PLATE;
        e.laneIndex = lane;
        e.plate.setPlate(text);
        e.plate.setConfidence(confidence);
        return fusion.onRead(e, now, this::decide);
    }

    private Arrival tag(int lane, String epc, long now) {
        LaneEvent e = new LaneEvent();
        e.clear();
        e.type = LaneEventType.TAG;
        e.laneIndex = lane;
        e.epc.append(epc);
        return fusion.onRead(e, now, this::decide);
    }

    private Arrival empty(int lane, long now) {
        LaneEvent e = new LaneEvent();
        e.clear();
        e.type = LaneEventType.EMPTY;
        e.laneIndex = lane;
        return fusion.onRead(e, now, this::decide);
    }

    @Test
    void aLaneWithAnRfidReaderWaitsForBothReads() {
        Arrival a = plate(0, "AB1234", 95, 10_000);
        assertNull(a.verdict);
        assertTrue(decided.isEmpty());
        tag(0, "E200AAAA", 10_400);
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
        Arrival a = plate(1, "FU1234", 90, 5_000);
        assertEquals(Verdict.INSPECT, a.verdict);
        assertEquals(List.of("MKT-S-01.0.1:FU1234/-"), decided);
    }

    @Test
    void aDifferentPlateWhileOneWaitsIsTheNextVehicle() {
        plate(0, "AB1234", 95, 1_000);
        Arrival next = plate(0, "CD 567", 95, 1_200);
        assertEquals(List.of("LMC-S-01.0.1:AB1234/-"), decided, "the waiting arrival is decided first");
        assertFalse(next.hasTag);
        assertEquals("LMC-S-01.0.2", next.id);
        tag(0, "E200BBBB", 1_300);
        assertEquals("LMC-S-01.0.2:CD 567/E200BBBB", decided.get(1));
    }

    @Test
    void theSamePlateReadAgainJoinsTheSameArrivalKeepingTheBetterRead() {
        plate(0, "AB 1234", 70, 1_000);
        Arrival again = plate(0, "AB-1234", 96, 1_100);
        assertTrue(decided.isEmpty(), "a repeated read of the same mark is not a new vehicle");
        assertEquals(96, again.plate.confidence());
        tag(0, "E200CCCC", 1_200);
        assertEquals(List.of("LMC-S-01.0.1:AB-1234/E200CCCC"), decided);
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
        Fusion failing = new Fusion(List.of(cameraOnly), 1_000, new ArrivalIds(0));
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
        Arrival next = failing.onRead(e, 10, this::decide);
        assertEquals(Verdict.INSPECT, next.verdict);
    }
}
