package hk.seamless.access;

/** Who an account acts as (clearance rules, "Who uses it"). */
public enum Role {
    SHIPPER,
    AGENT,
    TRUCKER,
    OFFICER,
    SUPERVISOR,
    ADMIN;

    /** Shippers and agents lodge cargo information. */
    public boolean lodges() {
        return this == SHIPPER || this == AGENT;
    }

    /** Customs staff: made by an admin, never through the public registration. */
    public boolean isStaff() {
        return this == OFFICER || this == SUPERVISOR;
    }

    /** Officers (and supervisors, who can do what an officer does) and admins read any record. */
    public boolean readsEverything() {
        return this == OFFICER || this == SUPERVISOR || this == ADMIN;
    }
}
