package hk.seamless.pipeline;

import hk.seamless.config.Direction;
import hk.seamless.lane.LaneView;
import hk.seamless.lane.plate.ExpectedVehicles;
import hk.seamless.lane.plate.LookAlikeResolver;
import hk.seamless.lane.plate.LookAlikes;
import hk.seamless.lane.plate.PlateNormaliser;
import hk.seamless.lane.plate.Resolution;

/**
 * Identify: which vehicle is this? The first two rows of the check table. The plate is normalised
 * and its look-alike characters resolved only against the vehicles expected in the lane's
 * direction; the tag is looked up among registered vehicles; when both name a vehicle they must
 * name the same one.
 */
final class VehicleIdentification {

    private final LaneView view;
    private final int confidenceThreshold;
    private final LookAlikeResolver resolver = new LookAlikeResolver();
    private final ExpectedVehicles expectedImport;
    private final ExpectedVehicles expectedExport;
    private final StringBuilder plateMark = new StringBuilder(16);
    private final StringBuilder tagMark = new StringBuilder(16);
    private final StringBuilder scratch = new StringBuilder(16);

    VehicleIdentification(LaneView view, int confidenceThreshold) {
        this.view = view;
        this.confidenceThreshold = confidenceThreshold;
        this.expectedImport = mark -> view.hasActiveBundle(mark, Direction.IMPORT);
        this.expectedExport = mark -> view.hasActiveBundle(mark, Direction.EXPORT);
    }

    /** Writes the vehicle's mark into the arrival, or decides REFER and returns false. */
    boolean identify(Arrival arrival) {
        plateMark.setLength(0);
        Resolution resolution = arrival.hasPlate ? resolve(arrival) : Resolution.UNREADABLE;
        boolean confident = arrival.hasPlate && arrival.plate.confidence() >= confidenceThreshold
                && resolution != Resolution.UNREADABLE;
        boolean tagKnown = arrival.hasTag && view.vehicleByTag(arrival.epc, tagMark);

        if (tagKnown) {
            // A confident plate that cannot be the tag's vehicle, even allowing for look-alike
            // characters and the ANPR's other candidates, names another vehicle: an officer decides.
            if (confident && !plateCouldBe(arrival, tagMark)) {
                arrival.vehicleMark.append(tagMark);
                arrival.decide(Verdict.REFER, ReasonCode.PLATE_TAG_MISMATCH);
                return false;
            }
            arrival.vehicleMark.append(tagMark);
            return true;
        }
        if (arrival.hasTag) {
            // A tag the engine does not know cannot vouch for the vehicle, whatever the plate says.
            arrival.decide(Verdict.REFER, ReasonCode.UNIDENTIFIED_VEHICLE);
            return false;
        }
        if (!confident || resolution == Resolution.AMBIGUOUS) {
            if (plateMark.length() > 0) {
                arrival.vehicleMark.append(plateMark);
            }
            arrival.decide(Verdict.REFER, ReasonCode.UNIDENTIFIED_VEHICLE);
            return false;
        }
        arrival.vehicleMark.append(plateMark);
        return true;
    }

    /** Whether the best plate or any candidate reads as this mark, look-alike characters allowed. */
    private boolean plateCouldBe(Arrival arrival, CharSequence mark) {
        if (PlateNormaliser.normalise(arrival.plate.plate(), scratch) && lookAlike(scratch, mark)) {
            return true;
        }
        for (int i = 0; i < arrival.plate.candidateCount(); i++) {
            if (PlateNormaliser.normalise(arrival.plate.candidate(i), scratch) && lookAlike(scratch, mark)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lookAlike(CharSequence read, CharSequence mark) {
        if (read.length() != mark.length()) {
            return false;
        }
        for (int i = 0; i < read.length(); i++) {
            char r = read.charAt(i);
            char m = mark.charAt(i);
            if (r != m && LookAlikes.partner(r) != m) {
                return false;
            }
        }
        return true;
    }

    /** Normalises the plate and resolves it against the vehicles expected in the lane's direction. */
    private Resolution resolve(Arrival arrival) {
        ExpectedVehicles expected = arrival.lane.direction() == Direction.IMPORT ? expectedImport : expectedExport;
        return resolver.resolveCandidates(arrival.plate, expected, plateMark, scratch);
    }
}
