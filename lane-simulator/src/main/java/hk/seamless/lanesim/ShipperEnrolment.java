package hk.seamless.lanesim;

import java.io.IOException;

/**
 * Gets the simulator a SHIPPER account of its own, the way a real trader does: register, then be
 * approved by the admin. A fresh e-mail each run keeps runs against the same engine apart.
 */
final class ShipperEnrolment {

    private ShipperEnrolment() {}

    /** @return the approved shipper's bearer token */
    static String enrol(EngineClient engine, String adminToken, String purpose)
            throws IOException, InterruptedException {
        return Enrolment.enrol(engine, adminToken, "SHIPPER", purpose);
    }
}
