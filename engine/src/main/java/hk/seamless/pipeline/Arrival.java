package hk.seamless.pipeline;

import hk.seamless.config.Lane;
import hk.seamless.lane.BundleAtLane;
import hk.seamless.lane.plate.LookAlikes;
import hk.seamless.lane.plate.PlateNormaliser;
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

    /**
     * The best frame's plate; the other frames' plates and every frame's candidates are its candidates.
     * A frame that reads a possible Hong Kong mark is better than one that reads none, whatever the
     * confidences: the Guangdong plate a cross-boundary truck also carries is read confidently too.
     */
    final PlateRead plate = new PlateRead();

    boolean hasPlate;
    /** Whether a frame read a possible Hong Kong mark (not only a Guangdong plate, or nothing). */
    boolean hasReadablePlate;
    /**
     * On a camera-only lane, whether a frame read a possible Hong Kong mark at or above the confidence
     * threshold (as its plate or a candidate): until one does, the frames name nobody, and the lane
     * has no plate to decide on. Not looked at (and not set) on a lane with an RFID reader.
     */
    boolean hasConfidentPlate;
    /** How many camera frames the arrival took in. */
    int frames;
    /** Reads of this vehicle after its decision, while it was still at the lane: recorded, never decided. */
    int repeatReads;

    private final PlateRead previousBest = new PlateRead();
    /** Each frame's own reading, canonical: a later frame is linked to any of them through its candidates. */
    private final StringBuilder[] readings = new StringBuilder[MAX_READINGS];

    private int readingCount;
    private final StringBuilder scratch = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);

    /** Frames whose readings are kept for linking; a camera posts a handful per vehicle. */
    static final int MAX_READINGS = 16;

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
        for (int i = 0; i < MAX_READINGS; i++) {
            readings[i] = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
        }
    }

    void open(String arrivalId, long nowMillis) {
        id = arrivalId;
        openedAtMillis = nowMillis;
        lastReadNanos = 0;
        plate.clear();
        hasPlate = false;
        hasReadablePlate = false;
        hasConfidentPlate = false;
        readingCount = 0;
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
     * Takes in one camera frame of this vehicle. The most confident frame that reads a possible Hong
     * Kong mark becomes the plate; what the others read joins its candidates with their own
     * confidences, so that identification weighs every frame by the same threshold. Allocates nothing.
     */
    void addFrame(PlateRead frame) {
        frames++;
        boolean readable = PlateNormaliser.normalise(frame.plate(), scratch);
        if (readable && readingCount < MAX_READINGS) {
            readings[readingCount].setLength(0);
            readings[readingCount++].append(scratch);
        }
        if (!hasPlate) {
            plate.copyFrom(frame);
            hasPlate = true;
            hasReadablePlate = readable;
            return;
        }
        if (readable && (!hasReadablePlate || frame.confidence() > plate.confidence())) {
            previousBest.copyFrom(plate);
            plate.copyFrom(frame);
            hasReadablePlate = true;
            addReadings(previousBest);
        } else {
            addReadings(frame);
        }
    }

    /** Whether a frame of this arrival read this canonical mark, or one equal to it under the look-alikes. */
    boolean framesRead(CharSequence canonicalMark, boolean lookAlikesAllowed) {
        for (int i = 0; i < readingCount; i++) {
            if (lookAlikesAllowed
                    ? LookAlikes.equalUnderLookAlikes(canonicalMark, readings[i])
                    : LookAlikes.sameText(canonicalMark, readings[i])) {
                return true;
            }
        }
        return false;
    }

    /** Candidates that name no possible Hong Kong mark (a Guangdong plate, nothing) take no candidate's place. */
    private void addReadings(PlateRead other) {
        if (PlateNormaliser.normalise(other.plate(), scratch)) {
            plate.addCandidate(other.plate(), other.confidence());
        }
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
