package hk.seamless.lane.plate;

/** What {@link LookAlikeResolver} made of a plate read, given the vehicles expected at the lane. */
public enum Resolution {

    /** The read itself is an expected vehicle, and no look-alike variant of it is. */
    EXACT,

    /**
     * Exactly one expected vehicle is reachable from the read (a look-alike variant of it, or
     * one of the ANPR's other candidates): the answer names that vehicle.
     */
    RESOLVED,

    /**
     * Two or more expected vehicles are reachable from the read (the read and a variant, or two
     * variants or candidates): the lane cannot tell which vehicle it is, an officer must.
     */
    AMBIGUOUS,

    /** A possible Hong Kong mark, but no expected vehicle matches it or any look-alike variant. */
    NOT_EXPECTED,

    /**
     * Nothing in the read can be a Hong Kong mark (no plate, a Guangdong plate, over-long,
     * foreign characters): the plate is unreadable, which the rules treat unlike a readable
     * plate without a bundle.
     */
    UNREADABLE
}
