package hk.seamless.pipeline;

import hk.seamless.config.Direction;
import hk.seamless.lane.LaneView;
import hk.seamless.lane.plate.ExpectedVehicles;
import hk.seamless.lane.plate.LookAlikeResolver;
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
        boolean plateUsable = arrival.hasPlate && readPlate(arrival);
        boolean tagKnown = arrival.hasTag && view.vehicleByTag(arrival.epc, tagMark);

        if (plateUsable && tagKnown && !sameMark(tagMark, plateMark)) {
            arrival.vehicleMark.append(tagMark);
            arrival.decide(Verdict.REFER, ReasonCode.PLATE_TAG_MISMATCH);
            return false;
        }
        if (arrival.hasTag && !tagKnown) {
            // A tag the engine does not know cannot vouch for the vehicle, whatever the plate says.
            arrival.decide(Verdict.REFER, ReasonCode.UNIDENTIFIED_VEHICLE);
            return false;
        }
        if (tagKnown) {
            arrival.vehicleMark.append(tagMark);
            return true;
        }
        if (!plateUsable) {
            if (arrival.hasPlate && plateMark.length() > 0) {
                arrival.vehicleMark.append(plateMark);
            }
            arrival.decide(Verdict.REFER, ReasonCode.UNIDENTIFIED_VEHICLE);
            return false;
        }
        arrival.vehicleMark.append(plateMark);
        return true;
    }

    private static boolean sameMark(CharSequence a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when the plate read names one vehicle with enough confidence. */
    private boolean readPlate(Arrival arrival) {
        ExpectedVehicles expected = arrival.lane.direction() == Direction.IMPORT ? expectedImport : expectedExport;
        Resolution resolution = resolver.resolveCandidates(arrival.plate, expected, plateMark, scratch);
        boolean confident = arrival.plate.confidence() >= confidenceThreshold;
        return confident && (resolution == Resolution.EXACT || resolution == Resolution.RESOLVED
                || resolution == Resolution.NOT_EXPECTED);
    }
}
