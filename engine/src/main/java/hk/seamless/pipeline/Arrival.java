package hk.seamless.pipeline;

import hk.seamless.config.Lane;
import hk.seamless.lane.BundleAtLane;
import hk.seamless.lane.plate.PlateRead;
import java.util.EnumSet;

/**
 * The reads of one vehicle at one lane, fused, and what was decided about it. Owned by the
 * pipeline thread; each lane reuses one instance: filling, then decided and present at the lane
 * until the next vehicle's first read.
 */
final class Arrival {

    final Lane lane;
    final int laneIndex;
    String id;
    long openedAtMillis;
    long lastReadNanos;

    /** The best frame's plate; the other frames' plates and every frame's candidates are its candidates. */
    final PlateRead plate = new PlateRead();

    boolean hasPlate;
    /** How many camera frames the arrival took in. */
    int frames;
    /** Reads of this vehicle after its decision, while it was still at the lane: recorded, never decided. */
    int repeatReads;

    private final PlateRead previousBest = new PlateRead();
    final StringBuilder epc = new StringBuilder(32);
    boolean hasTag;
    boolean emptyPressed;
    ReadOrigin completingOrigin;

    /** The canonical vehicle mark the arrival was identified as (empty if not identified). */
    final StringBuilder vehicleMark = new StringBuilder(16);

    Verdict verdict;
    final EnumSet<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
    /** The vehicle's ACTIVE bundle for the lane's direction, if {@link #hasBundle}. */
    final BundleAtLane bundle = new BundleAtLane();

    boolean hasBundle;
    long decidedAtMillis;

    Arrival(Lane lane, int laneIndex) {
        this.lane = lane;
        this.laneIndex = laneIndex;
    }

    void open(String arrivalId, long nowMillis) {
        id = arrivalId;
        openedAtMillis = nowMillis;
        lastReadNanos = 0;
        plate.clear();
        hasPlate = false;
        frames = 0;
        repeatReads = 0;
        epc.setLength(0);
        hasTag = false;
        emptyPressed = false;
        completingOrigin = null;
        vehicleMark.setLength(0);
        verdict = null;
        reasons.clear();
        hasBundle = false;
        decidedAtMillis = 0;
    }

    /**
     * Takes in one camera frame of this vehicle. The most confident frame becomes the plate; what
     * the others read joins its candidates with their own confidences, so that identification
     * weighs every frame by the same threshold. Allocates nothing.
     */
    void addFrame(PlateRead frame) {
        frames++;
        if (!hasPlate) {
            plate.copyFrom(frame);
            hasPlate = true;
            return;
        }
        if (frame.confidence() > plate.confidence()) {
            previousBest.copyFrom(plate);
            plate.copyFrom(frame);
            addReadings(previousBest);
        } else {
            addReadings(frame);
        }
    }

    private void addReadings(PlateRead other) {
        plate.addCandidate(other.plate(), other.confidence());
        for (int i = 0; i < other.candidateCount(); i++) {
            plate.addCandidate(other.candidate(i), other.candidateConfidence(i));
        }
    }

    void decide(Verdict verdict, ReasonCode reason) {
        this.verdict = verdict;
        if (reason != null) {
            reasons.add(reason);
        }
    }
}
