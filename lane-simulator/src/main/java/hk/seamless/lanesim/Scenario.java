package hk.seamless.lanesim;

import java.util.Locale;

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
    /** A bundled vehicle on the watch list: INSPECT WATCHLIST. */
    WATCHLISTED(false, true, false);

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
        throw new IllegalArgumentException("no scenario " + label + " (known: ontime, early, unbundled, empty, misread, "
                + "notag, mismatch, lowconf, watchlisted)");
    }
}
