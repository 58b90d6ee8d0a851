package hk.seamless.pipeline;

/** Why an arrival got its decision; the codes of the check table, in its order. */
public enum ReasonCode {
    PLATE_TAG_MISMATCH,
    UNIDENTIFIED_VEHICLE,
    NO_BUNDLE,
    EARLY_ARRIVAL,
    CCRN_INVALID,
    EMPTY_CONFLICT,
    WATCHLIST,
    RISK_RULE,
    RANDOM_SELECTION,
    OFFICER_OVERRIDE
}
