package hk.seamless.trade;

/**
 * A registration starts PENDING; an admin makes it ACTIVE or REJECTED; an ACTIVE one may be
 * SUSPENDED, and a SUSPENDED one reinstated (ACTIVE again).
 */
public enum AccountStatus {
    PENDING,
    ACTIVE,
    REJECTED,
    SUSPENDED
}
