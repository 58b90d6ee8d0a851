package hk.seamless.pipeline;

import hk.seamless.lane.plate.LookAlikes;
import hk.seamless.lane.plate.PlateNormaliser;
import hk.seamless.lane.plate.PlateRead;

/**
 * Whether a read is of the vehicle an arrival is about: the rules' "frames of one vehicle". A plate
 * is the same vehicle when it names the same mark, a mark equal under the look-alike pairs, or one
 * among the arrival's candidates (or the arrival's plate is among its candidates); once decided,
 * also when it is the mark the arrival was identified as. A tag is the same vehicle when it is the
 * same tag, or the tag of a vehicle whose mark is such a mark.
 *
 * <p>Pipeline thread only: it owns scratch buffers, and allocates nothing.
 */
final class SameVehicle {

    /** Which vehicle carries a tag: the lane view's, or a test's. */
    interface TagMarks {
        /** Writes the mark of the vehicle carrying this tag into {@code mark}; false for an unknown tag. */
        boolean vehicleByTag(CharSequence epc, StringBuilder mark);
    }

    private final TagMarks tags;
    private final StringBuilder read = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder known = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder tagMark = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);

    SameVehicle(TagMarks tags) {
        this.tags = tags;
    }

    /** A plate frame against the arrival's plate readings (and its identified mark, once decided). */
    boolean plate(PlateRead frame, Arrival arrival) {
        if (PlateNormaliser.normalise(frame.plate(), read) && namedBy(read, arrival)) {
            return true;
        }
        if (!arrival.hasPlate || !PlateNormaliser.normalise(arrival.plate.plate(), known)) {
            return false;
        }
        for (int i = 0; i < frame.candidateCount(); i++) {
            if (PlateNormaliser.normalise(frame.candidate(i), read) && LookAlikes.equalUnderLookAlikes(read, known)) {
                return true;
            }
        }
        return false;
    }

    /** A tag read against the arrival's tag, or against its vehicle as the plate named it. */
    boolean tag(CharSequence epc, Arrival arrival) {
        if (arrival.hasTag) {
            return LookAlikes.sameText(epc, arrival.epc);
        }
        return tags.vehicleByTag(epc, tagMark) && namedBy(tagMark, arrival);
    }

    /** Whether a canonical mark is the arrival's plate, one of its candidates, or its identified mark. */
    private boolean namedBy(CharSequence mark, Arrival arrival) {
        if (arrival.vehicleMark.length() > 0 && LookAlikes.equalUnderLookAlikes(mark, arrival.vehicleMark)) {
            return true;
        }
        if (!arrival.hasPlate) {
            return false;
        }
        if (PlateNormaliser.normalise(arrival.plate.plate(), known) && LookAlikes.equalUnderLookAlikes(mark, known)) {
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
