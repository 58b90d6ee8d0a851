package hk.seamless.pipeline;

import hk.seamless.lane.LaneView;
import hk.seamless.lane.plate.LookAlikes;
import hk.seamless.lane.plate.PlateNormaliser;
import hk.seamless.lane.plate.PlateRead;

/**
 * Whether a read is of the vehicle an arrival is about: the rules' "frames of one vehicle".
 *
 * <p>A plate frame is the same vehicle when it names a mark one of the arrival's frames read, or a
 * mark equal to it under the look-alike pairs, or one among the arrival's candidates; or when one of
 * its own candidates is such a frame's reading; once decided, also when it names the mark the
 * arrival was identified as. A frame that names no possible Hong Kong mark (only the Guangdong plate
 * a cross-boundary truck also carries, or nothing readable) cannot name another vehicle: while the
 * arrival fills, it is one of its frames; once decided, it is not a repeat (the rules' repeats
 * name the same mark or tag) and starts the next arrival.
 *
 * <p>Once a vehicle is identified and decided, a confident frame naming another registered vehicle,
 * one the arrival's frames never read, is that other vehicle even when it differs by a look-alike
 * character: resolution never turns a confident read of a registered vehicle into another. A tag
 * is the same vehicle when it is the same tag, or, before any tag was read, the tag of the vehicle
 * identified (while unidentified: of a vehicle whose mark the frames read, look-alikes allowed).
 *
 * <p>Pipeline thread only: it owns scratch buffers, and allocates nothing.
 */
final class SameVehicle {

    /** What the lane knows of registered vehicles: the lane view, or a test's. */
    interface LaneVehicles {
        /** Writes the mark of the vehicle carrying this tag into {@code mark}; false for an unknown tag. */
        boolean vehicleByTag(CharSequence epc, StringBuilder mark);

        /** Whether a canonical mark is a registered vehicle's. */
        boolean isRegistered(CharSequence canonicalMark);
    }

    private final LaneVehicles vehicles;
    private final int confidenceThreshold;
    private final StringBuilder read = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder known = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder tagMark = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);

    /** @param confidenceThreshold below it, a reading identifies no vehicle (the lane's plate threshold) */
    SameVehicle(LaneVehicles vehicles, int confidenceThreshold) {
        this.vehicles = vehicles;
        this.confidenceThreshold = confidenceThreshold;
    }

    /** Over the lane view's registered vehicles and tags. */
    static SameVehicle over(LaneView view, int confidenceThreshold) {
        return new SameVehicle(
                new LaneVehicles() {
                    @Override
                    public boolean vehicleByTag(CharSequence epc, StringBuilder mark) {
                        return view.vehicleByTag(epc, mark);
                    }

                    @Override
                    public boolean isRegistered(CharSequence canonicalMark) {
                        return view.isRegistered(canonicalMark);
                    }
                },
                confidenceThreshold);
    }

    /** A plate frame against the arrival's frames (and its identified mark, once decided). */
    boolean plate(PlateRead frame, Arrival arrival) {
        if (PlateNormaliser.normalise(frame.plate(), read)) {
            if (namesAnotherIdentifiedVehicle(frame, arrival)) {
                return false;
            }
            if (namedBy(read, arrival)) {
                return true;
            }
        } else if (namesNoMark(frame)) {
            // It names nobody. While the arrival fills it is one of its frames (the truck's Guangdong
            // plate, say); once decided, a repeat is a read of the same mark or tag, which it is not.
            return arrival.verdict == null;
        }
        for (int i = 0; i < frame.candidateCount(); i++) {
            if (PlateNormaliser.normalise(frame.candidate(i), read) && arrival.framesRead(read, true)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a frame reads a possible Hong Kong mark at or above the threshold, as its plate or a
     * candidate: only such a frame can name a vehicle, so only such a frame completes a camera-only
     * lane's arrival.
     */
    boolean readsAMarkConfidently(PlateRead frame) {
        if (frame.confidence() >= confidenceThreshold && PlateNormaliser.normalise(frame.plate(), known)) {
            return true;
        }
        for (int i = 0; i < frame.candidateCount(); i++) {
            if (frame.candidateConfidence(i) >= confidenceThreshold
                    && PlateNormaliser.normalise(frame.candidate(i), known)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a frame reads no possible Hong Kong mark at all, in its plate or its candidates. */
    boolean namesNoMark(PlateRead frame) {
        if (PlateNormaliser.normalise(frame.plate(), known)) {
            return false;
        }
        for (int i = 0; i < frame.candidateCount(); i++) {
            if (PlateNormaliser.normalise(frame.candidate(i), known)) {
                return false;
            }
        }
        return true;
    }

    /** A tag read against the arrival's tag, or against its vehicle as identified or as its frames read it. */
    boolean tag(CharSequence epc, Arrival arrival) {
        if (arrival.hasTag) {
            return LookAlikes.sameText(epc, arrival.epc);
        }
        if (!vehicles.vehicleByTag(epc, tagMark)) {
            return false;
        }
        return isIdentified(arrival) ? LookAlikes.sameText(tagMark, arrival.vehicleMark) : namedBy(tagMark, arrival);
    }

    /** The frame ({@link #read} holds its reading) confidently names a registered vehicle the arrival is not. */
    private boolean namesAnotherIdentifiedVehicle(PlateRead frame, Arrival arrival) {
        return isIdentified(arrival)
                && frame.confidence() >= confidenceThreshold
                && !LookAlikes.sameText(read, arrival.vehicleMark)
                && !arrival.framesRead(read, false)
                && vehicles.isRegistered(read);
    }

    /** Decided as a vehicle: its mark is the identification, not only the reading an officer is shown. */
    private static boolean isIdentified(Arrival arrival) {
        return arrival.verdict != null
                && arrival.vehicleMark.length() > 0
                && !arrival.reasons.contains(ReasonCode.UNIDENTIFIED_VEHICLE);
    }

    /** Whether a canonical mark is a reading of the arrival's frames, one of its candidates, or its identified mark. */
    private boolean namedBy(CharSequence mark, Arrival arrival) {
        if (arrival.vehicleMark.length() > 0 && LookAlikes.equalUnderLookAlikes(mark, arrival.vehicleMark)) {
            return true;
        }
        if (!arrival.hasPlate) {
            return false;
        }
        if (arrival.framesRead(mark, true)) {
            return true;
        }
        for (int i = 0; i < arrival.plate.candidateCount(); i++) {
            if (PlateNormaliser.normalise(arrival.plate.candidate(i), known)
                    && LookAlikes.equalUnderLookAlikes(mark, known)) {
                return true;
            }
        }
        return false;
    }
}
