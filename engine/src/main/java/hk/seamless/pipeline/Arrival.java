package hk.seamless.pipeline;

import hk.seamless.config.Lane;
import hk.seamless.lane.plate.PlateRead;

import hk.seamless.lane.BundleAtLane;

import java.util.EnumSet;

/**
 * The reads of one vehicle at one lane, fused, and what was decided about it. Owned by the
 * pipeline thread; each lane reuses its two instances (one filling, one just decided).
 */
final class Arrival {

    final Lane lane;
    final int laneIndex;
    String id;
    long openedAtMillis;
    long lastReadNanos;

    final PlateRead plate = new PlateRead();
    boolean hasPlate;
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

    void decide(Verdict verdict, ReasonCode reason) {
        this.verdict = verdict;
        if (reason != null) {
            reasons.add(reason);
        }
    }
}
