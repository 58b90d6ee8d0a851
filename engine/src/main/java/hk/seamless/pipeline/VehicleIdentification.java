package hk.seamless.pipeline;

import hk.seamless.config.Direction;
import hk.seamless.lane.LaneView;
import hk.seamless.lane.plate.ExpectedVehicles;
import hk.seamless.lane.plate.LookAlikeResolver;
import hk.seamless.lane.plate.LookAlikes;
import hk.seamless.lane.plate.PlateNormaliser;
import hk.seamless.lane.plate.PlateRead;
import hk.seamless.lane.plate.Resolution;

/**
 * Identify: which vehicle is this? The first two rows of the check table, by the rules for marks:
 * <ul>
 * <li>a reading (the best plate, any frame's, any ANPR candidate) below the confidence threshold
 *     never identifies a vehicle;</li>
 * <li>a confident best plate that names a registered vehicle is that vehicle, bundled or not: it is
 *     never "corrected" into a look-alike twin;</li>
 * <li>otherwise each confident reading fits the registered vehicle it names, or, naming none, the
 *     expected vehicles (ACTIVE bundle in the lane's direction) it reaches through the look-alike
 *     pairs; one vehicle fitting identifies it, two or more leave it unidentified (REFER);</li>
 * <li>a known RFID tag names the vehicle; a confident plate that cannot be that vehicle is a
 *     PLATE_TAG_MISMATCH; an unknown tag vouches for nobody.</li>
 * </ul>
 * Pipeline thread only; allocates nothing.
 */
final class VehicleIdentification {

    private final LaneView view;
    private final int confidenceThreshold;
    private final LookAlikeResolver resolver = new LookAlikeResolver();
    private final ExpectedVehicles expectedImport;
    private final ExpectedVehicles expectedExport;
    private final StringBuilder best = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder reading = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder resolved = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder fit = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder tagMark = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private boolean ambiguous;

    VehicleIdentification(LaneView view, int confidenceThreshold) {
        this.view = view;
        this.confidenceThreshold = confidenceThreshold;
        this.expectedImport = new ExpectedAtLane(view, Direction.IMPORT);
        this.expectedExport = new ExpectedAtLane(view, Direction.EXPORT);
    }

    /** The vehicles with an ACTIVE bundle for the lane's direction, and how many of them look alike. */
    private record ExpectedAtLane(LaneView view, Direction direction) implements ExpectedVehicles {

        @Override
        public boolean isExpected(CharSequence canonicalMark) {
            return view.hasActiveBundle(canonicalMark, direction);
        }

        @Override
        public int lookAlikesExpected(CharSequence canonicalMark) {
            return view.lookAlikesWithActiveBundle(canonicalMark, direction);
        }
    }

    /** Writes the vehicle's mark into the arrival, or decides REFER and returns false. */
    boolean identify(Arrival arrival) {
        boolean bestConfident = arrival.hasPlate
                && arrival.plate.confidence() >= confidenceThreshold
                && PlateNormaliser.normalise(arrival.plate.plate(), best);
        if (!bestConfident) {
            best.setLength(0);
        }
        if (arrival.hasTag) {
            return byTag(arrival, bestConfident);
        }
        if (bestConfident && names(best)) {
            arrival.vehicleMark.append(best);
            return true;
        }
        collectFits(arrival, expected(arrival));
        if (!ambiguous && fit.length() > 0) {
            arrival.vehicleMark.append(fit);
            return true;
        }
        if (!ambiguous && bestConfident) {
            arrival.vehicleMark.append(best); // a vehicle nobody registered or expects: the rules decide
            return true;
        }
        shownMark(arrival);
        arrival.decide(Verdict.REFER, ReasonCode.UNIDENTIFIED_VEHICLE);
        return false;
    }

    private boolean byTag(Arrival arrival, boolean bestConfident) {
        if (!view.vehicleByTag(arrival.epc, tagMark)) {
            // A tag the engine does not know cannot vouch for the vehicle, whatever the plate says.
            shownMark(arrival);
            arrival.decide(Verdict.REFER, ReasonCode.UNIDENTIFIED_VEHICLE);
            return false;
        }
        arrival.vehicleMark.append(tagMark);
        if (contradictsTag(arrival, bestConfident)) {
            arrival.decide(Verdict.REFER, ReasonCode.PLATE_TAG_MISMATCH);
            return false;
        }
        return true;
    }

    /**
     * A confident plate naming another registered vehicle contradicts the tag; so does a set of
     * confident readings none of which can be the tag's vehicle, look-alikes allowed. No confident
     * reading at all says nothing against it.
     */
    private boolean contradictsTag(Arrival arrival, boolean bestConfident) {
        if (bestConfident && names(best)) {
            return !LookAlikes.sameText(best, tagMark);
        }
        boolean anyConfident = bestConfident;
        if (bestConfident && LookAlikes.equalUnderLookAlikes(best, tagMark)) {
            return false;
        }
        PlateRead plate = arrival.plate;
        for (int i = 0; i < plate.candidateCount(); i++) {
            if (plate.candidateConfidence(i) < confidenceThreshold
                    || !PlateNormaliser.normalise(plate.candidate(i), reading)) {
                continue;
            }
            anyConfident = true;
            if (LookAlikes.equalUnderLookAlikes(reading, tagMark)) {
                return false;
            }
        }
        return anyConfident;
    }

    /** Every confident reading, each fitting the registered vehicle it names or the expected ones it reaches. */
    private void collectFits(Arrival arrival, ExpectedVehicles expected) {
        fit.setLength(0);
        ambiguous = false;
        if (best.length() > 0) {
            fitsOf(best, expected);
        }
        PlateRead plate = arrival.plate;
        for (int i = 0; i < plate.candidateCount() && !ambiguous; i++) {
            if (plate.candidateConfidence(i) >= confidenceThreshold
                    && PlateNormaliser.normalise(plate.candidate(i), reading)) {
                fitsOf(reading, expected);
            }
        }
    }

    private void fitsOf(CharSequence text, ExpectedVehicles expected) {
        if (names(text)) {
            addFit(text);
            return;
        }
        Resolution resolution = resolver.resolve(text, expected, resolved);
        switch (resolution) {
            case EXACT, RESOLVED -> addFit(resolved);
            case AMBIGUOUS -> ambiguous = true;
            default -> {}
        }
    }

    private void addFit(CharSequence mark) {
        if (fit.length() == 0) {
            fit.append(mark);
        } else if (!LookAlikes.sameText(fit, mark)) {
            ambiguous = true;
        }
    }

    /** Whether the text names a vehicle: registered (expected ones are registered too). */
    private boolean names(CharSequence mark) {
        return view.isRegistered(mark);
    }

    /** On a REFER, the officer sees the best reading the camera had, if any. */
    private void shownMark(Arrival arrival) {
        if (arrival.vehicleMark.length() == 0
                && arrival.hasPlate
                && PlateNormaliser.normalise(arrival.plate.plate(), reading)) {
            arrival.vehicleMark.append(reading);
        }
    }

    private ExpectedVehicles expected(Arrival arrival) {
        return arrival.lane.direction() == Direction.IMPORT ? expectedImport : expectedExport;
    }
}
