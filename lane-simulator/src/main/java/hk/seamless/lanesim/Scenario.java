package hk.seamless.lanesim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What happens at the lane for one arrival, and so what the engine must decide (see
 * {@link Oracle}). The names are those of --mix.
 */
enum Scenario {
    /** A bundled, laden vehicle; plate and tag read well. RELEASE (or random selection), or EARLY_ARRIVAL inside the lead time. */
    ONTIME(true, true, false),
    /** Same reads, but the bundle's earliest crossing time has not come: INSPECT EARLY_ARRIVAL. Needs a non-zero bundling lead. */
    EARLY(false, true, false),
    /** A registered vehicle with no bundle: INSPECT NO_BUNDLE. */
    UNBUNDLED(false, true, false),
    /** A vehicle bundled EMPTY whose driver presses the EMPTY button: RELEASE (or random selection). */
    EMPTY(true, true, true),
    /** The camera misreads look-alike characters (8 as B, 1 as I...); the engine resolves them against expected vehicles: as ONTIME. */
    MISREAD(true, true, false),
    /** The RFID reader misses the tag: the lane decides on the plate alone once its fusion window closes (or the next plate comes): as ONTIME. */
    NOTAG(true, false, false),
    /** The plate of one registered vehicle and the tag of another: REFER PLATE_TAG_MISMATCH. */
    MISMATCH(false, true, false),
    /** A plate read below the confidence threshold and no tag: REFER UNIDENTIFIED_VEHICLE. */
    LOWCONF(false, false, false),
    /** A bundled vehicle put on the watch list after bundling: INSPECT WATCHLIST. */
    WATCHLISTED(false, true, false),
    /** A bundled vehicle put on the watch list after bundling and taken off again before it arrives: as ONTIME. */
    WATCHLIFTED(true, true, false),
    /** A bundled vehicle whose cargo a targeting rule (GOODS) made after bundling hits: INSPECT RISK_RULE. */
    TARGETED(false, true, false),
    /**
     * The camera posts several frames of one bundled vehicle (the mark, a look-alike misread, the
     * ANPR's other reading first), no tag: the frames fuse into one arrival, one decision, as ONTIME.
     */
    MULTIFRAME(true, false, false),
    /**
     * As ONTIME, then, after the decision and while the vehicle is still at the lane, the camera
     * posts a late frame of it: recorded with that arrival (202, repeat), never decided again.
     */
    REPEAT(true, true, false),
    /**
     * A vehicle without a bundle whose mark (a personalised one, e.g. "FU 125B") is a look-alike of
     * a bundled vehicle's ("FU 1258"); its plate is read confidently and exactly, no tag: it is that
     * vehicle, INSPECT NO_BUNDLE, and the twin's bundle stays unused.
     */
    TWIN(false, false, false),
    /**
     * A bundled vehicle whose camera's best (confident) plate names no vehicle and whose other
     * candidates, the right mark among them, are all below the confidence threshold, no tag:
     * REFER UNIDENTIFIED_VEHICLE.
     */
    LOWCAND(false, false, false),
    /**
     * A bundled vehicle whose bundling trucker, or the shipper that lodged its CCRNs, has since
     * been suspended: REFER ACCOUNT_SUSPENDED.
     */
    SUSPENDED(false, true, false),
    /**
     * As ONTIME, at a lane whose gate the simulator disconnects and reconnects in turn: while it
     * is disconnected a would-be RELEASE is HOLD GATE_UNAVAILABLE (the bundle stays ACTIVE, and
     * the same vehicle is released once the gate is back).
     */
    GATEDROP(true, true, false);

    /** Whether a correct decision may be RELEASE, which uses the bundle up: such arrivals get a fresh vehicle each. */
    final boolean releasing;
    /** Whether the arrival has a tag read; without one the lane waits for its fusion window. */
    final boolean tagRead;
    /** Whether the driver presses EMPTY. */
    final boolean emptyPress;

    Scenario(boolean releasing, boolean tagRead, boolean emptyPress) {
        this.releasing = releasing;
        this.tagRead = tagRead;
        this.emptyPress = emptyPress;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Scenario of(String label) {
        for (Scenario s : values()) {
            if (s.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("no scenario " + label + " (known: "
                + Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", ")) + ")");
    }
}
