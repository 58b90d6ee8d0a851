package hk.seamless.trade;

/**
 * LODGED -> BUNDLED -> CROSSED; LODGED -> CANCELLED; LODGED or BUNDLED -> EXPIRED; BUNDLED -> LODGED
 * on unbundling.
 */
public enum ConsignmentStatus {
    LODGED,
    BUNDLED,
    CROSSED,
    CANCELLED,
    EXPIRED
}
