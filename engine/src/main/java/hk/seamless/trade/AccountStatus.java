package hk.seamless.trade;

/** A registration starts PENDING; an admin makes it ACTIVE or REJECTED; an ACTIVE one may be SUSPENDED. */
public enum AccountStatus {
    PENDING, ACTIVE, REJECTED, SUSPENDED
}
