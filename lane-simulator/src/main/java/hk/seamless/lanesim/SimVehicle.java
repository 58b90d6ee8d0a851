package hk.seamless.lanesim;

import java.time.Instant;
import java.util.List;

/**
 * A vehicle the simulator registered (or, for the floor run, only made up): its mark as printed
 * ("FU 1234"), the canonical form the engine compares ("FU1234"), its RFID tag, and its bundle.
 */
final class SimVehicle {

    final String display;
    final String canonical;
    final String epc;
    /** IMPORT or EXPORT for a bundled vehicle, null for one without a bundle. */
    volatile String direction;

    volatile String bundleId;
    volatile Instant earliestCrossingAt;
    volatile List<String> ccrns = List.of();
    volatile boolean emptyBundle;
    /** For a TWIN: the registered look-alike vehicle ("FU 1258" for "FU 125B") that holds the bundle. */
    volatile SimVehicle twin;
    /** Whether the trucker who bundled it, or a shipper that lodged one of its CCRNs, has been suspended since. */
    volatile boolean accountSuspended;
    /** When its bundle was made, if it was made during the run (at a registry, for lane engines that may not know it yet). */
    volatile FeedTimeline.BundleMade made;

    SimVehicle(String display, String epc) {
        this.display = display;
        this.canonical = canonical(display);
        this.epc = epc;
    }

    /** Upper case, no spaces or hyphens: how the engine keys and reports a mark. */
    static String canonical(String mark) {
        StringBuilder out = new StringBuilder(mark.length());
        for (int i = 0; i < mark.length(); i++) {
            char c = mark.charAt(i);
            if (c != ' ' && c != '-') {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return display + (epc == null ? "" : " [" + epc + "]") + (bundleId == null ? "" : " " + bundleId);
    }
}
