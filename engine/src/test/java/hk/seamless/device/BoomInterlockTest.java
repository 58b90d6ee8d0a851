package hk.seamless.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.pipeline.GateEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's safety rules on their own, with a recording of what they did. */
class BoomInterlockTest {

    private final List<String> done = new ArrayList<>();
    private String latched;

    private BoomInterlock interlock(boolean hold) {
        return new BoomInterlock("T-1", true, hold, 1_000, 60_000, () -> latched != null, new GateActions() {
            @Override
            public void raiseCoil(boolean set) {
                done.add(set ? "coil set" : "coil released");
            }

            @Override
            public void opened(String arrivalId) {
                done.add("opened " + arrivalId);
            }

            @Override
            public void keptClosed(String arrivalId) {
                done.add("closed " + arrivalId);
            }

            @Override
            public void loopCleared() {
                done.add("loop clear");
            }

            @Override
            public void journal(GateEvent event) {
                done.add(event.kind() + " " + event.arrivalId());
            }

            @Override
            public void fault(String reason) {
                if (latched == null) {
                    latched = reason;
                }
                done.add("fault " + reason.substring(0, reason.indexOf(':')));
            }
        });
    }

    private static BoomInterlock.Inputs loop(boolean occupied, boolean up, boolean down) {
        return new BoomInterlock.Inputs(occupied, up, down);
    }

    @Test
    void aReleaseWaitsForItsVehicleOnTheLoopAndHoldModeLowersOnlyOnceClear() {
        BoomInterlock gate = interlock(true);
        gate.inputs(loop(false, false, true), 0);
        gate.decided("A1", true, 10_000, 10);
        assertEquals(List.of(), done, "no vehicle on the loop: the boom stays down");
        gate.inputs(loop(true, false, true), 20);
        assertEquals(List.of("coil set"), done);
        gate.inputs(loop(true, true, false), 300);
        assertEquals(List.of("coil set", "BOOM_RAISED A1", "opened A1"), done);
        gate.inputs(loop(true, true, false), 5_000);
        assertEquals(3, done.size(), "the coil is held while the truck is under the boom");
        gate.inputs(loop(false, true, false), 5_050);
        assertEquals(List.of("loop clear", "coil released"), done.subList(3, 5));
        gate.inputs(loop(false, false, true), 5_400);
        assertEquals("BOOM_LOWERED A1", done.get(5));
        assertEquals(null, latched);
    }

    @Test
    void otherDecisionsNeverSetTheCoilAndDropAnArmedRelease() {
        BoomInterlock gate = interlock(false);
        gate.inputs(loop(false, false, true), 0);
        gate.decided("A1", false, 0, 1);
        gate.decided("A2", true, 10_000, 2);
        gate.decided("A3", false, 0, 3);
        gate.inputs(loop(true, false, true), 10);
        assertEquals(
                List.of("closed A1", "closed A3"),
                done,
                "A2's RELEASE gave way to A3's decision before A2 reached the loop; the boom-down switch answers the others");
    }

    @Test
    void aReleaseThatRunsOutBeforeTheVehicleArrivesIsDropped() {
        BoomInterlock gate = interlock(false);
        gate.inputs(loop(false, false, true), 0);
        gate.decided("A1", true, 1_000, 1);
        gate.inputs(loop(true, false, true), 2_000);
        assertEquals(List.of(), done);
    }

    @Test
    void noConfirmationInTimeIsAFaultAndAFaultedGateIsNotRaised() {
        BoomInterlock gate = interlock(false);
        gate.inputs(loop(true, false, true), 0);
        gate.decided("A1", true, 10_000, 1);
        gate.inputs(loop(true, false, false), 500);
        gate.inputs(loop(true, false, false), 1_002);
        assertEquals(List.of("coil set", "fault NOT_CONFIRMED"), done);
        gate.decided("A2", true, 10_000, 1_100);
        gate.inputs(loop(true, false, false), 1_200);
        assertEquals(2, done.size(), "no coil for a gate in fault");
    }

    @Test
    void impossibleInputsAreFaults() {
        BoomInterlock gate = interlock(false);
        gate.inputs(loop(false, true, true), 0);
        assertTrue(done.contains("fault STUCK_INPUT"), done.toString());
        latched = null;
        done.clear();
        BoomInterlock other = interlock(false);
        other.inputs(loop(false, false, true), 0);
        other.inputs(loop(false, true, false), 10);
        assertTrue(done.contains("fault ROSE_WITHOUT_RELEASE"), done.toString());
        latched = null;
        done.clear();
        BoomInterlock stuck = interlock(false);
        stuck.inputs(loop(true, false, true), 0);
        stuck.inputs(loop(true, false, true), 60_001);
        assertEquals(List.of("fault LOOP_STUCK"), done);
    }

    @Test
    void aReleaseIsNotForATruckStillOnTheLoopFromAnotherArrival() {
        BoomInterlock gate = interlock(false);
        gate.inputs(loop(false, false, true), 0);
        gate.inputs(loop(true, false, true), 10);
        gate.decided("A1", false, 0, 20); // A1 is INSPECTed and stays on the loop
        gate.decided("A2", true, 10_000, 30); // the truck behind is released
        gate.inputs(loop(true, false, true), 40);
        assertEquals(List.of("closed A1"), done, "the truck on the loop may be A1: the boom stays down");
        done.clear();
        gate.inputs(loop(false, false, true), 50);
        gate.inputs(loop(true, false, true), 60);
        assertEquals(
                List.of("loop clear"),
                done,
                "a vehicle left while A2's RELEASE waited: the next one is not known to be A2");
        gate.decided("A2", true, 10_000, 70); // an officer, seeing A2 on the loop, releases it again
        assertEquals(List.of("loop clear", "coil set"), done);
        done.clear();
        // an officer's RELEASE of the truck that is still there is for that truck
        BoomInterlock other = interlock(false);
        other.inputs(loop(true, false, true), 0);
        other.decided("B1", false, 0, 10);
        other.decided("B1", true, 10_000, 20);
        assertEquals(List.of("closed B1", "coil set"), done);
    }

    @Test
    void aReleaseWhileTheBoomIsUpForTheTruckBeforeNeitherMovesNorConfirms() {
        BoomInterlock gate = interlock(false);
        gate.inputs(loop(false, false, true), 0);
        gate.decided("A1", true, 10_000, 1);
        gate.inputs(loop(true, false, true), 10);
        gate.inputs(loop(true, true, false), 300);
        done.clear();
        gate.decided("A2", true, 10_000, 310);
        gate.inputs(loop(true, true, false), 320);
        assertEquals(List.of(), done, "A2 is not acknowledged by a boom that rose for A1");
        gate.inputs(loop(false, true, false), 400);
        gate.inputs(loop(false, false, true), 700);
        gate.inputs(loop(true, false, true), 800);
        assertEquals(List.of("loop clear", "BOOM_LOWERED A1"), done, "A2's RELEASE went with the truck that left");
    }
}
