package hk.seamless.pipeline;

/** Why an arrival got its decision; the codes of the check table, in its order. */
public enum ReasonCode {
    PLATE_TAG_MISMATCH,
    UNIDENTIFIED_VEHICLE,
    NO_BUNDLE,
    EARLY_ARRIVAL,
    CCRN_INVALID,
    EMPTY_CONFLICT,
    /** The trucker who bundled, or an account that lodged a bundled CCRN, is suspended: REFER. */
    ACCOUNT_SUSPENDED,
    WATCHLIST,
    RISK_RULE,
    RANDOM_SELECTION,
    /** The lane's gate is not connected or is in fault: a RELEASE cannot be carried out, HOLD. */
    GATE_UNAVAILABLE,
    OFFICER_OVERRIDE
}
