package hk.seamless.lanesim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate's two safety rules, judged from what the emulated Modbus gates saw rather than from what
 * the engine says: no boom rises without a RELEASE for the truck under it, and no boom comes down on
 * a truck (the loop occupied). A coil write may reach the gate before the decision reaches the run's
 * lane stream, so a rise under a truck not yet decided is judged when its decision comes, or at the
 * end if none does. Thread-safe: gates, streams and the trucks' movements all report here.
 */
final class BoomOracle {

    static final int EXAMPLES_KEPT = 10;

    /**
     * What the gates saw. {@code raisedWithoutRelease} and {@code loweredOnVehicle} must be 0;
     * {@code releasesNotRaised}: RELEASEd trucks whose boom never rose (not unsafe: the truck waits
     * for an officer), {@code raises}: coil writes in all.
     */
    record Findings(
            long raisedWithoutRelease,
            long loweredOnVehicle,
            long releasesNotRaised,
            long raises,
            List<String> examples) {

        long violations() {
            return raisedWithoutRelease + loweredOnVehicle;
        }
    }

    private static final class Truck {
        final String summary;
        Boolean released;
        int raises;

        Truck(String summary) {
            this.summary = summary;
        }
    }

    private final String[] laneIds;
    private final Truck[] onLoop;
    private final Map<Object, Truck> trucks = new IdentityHashMap<>();
    private final List<String> examples = new ArrayList<>();
    private long raisedWithoutRelease;
    private long loweredOnVehicle;
    private long raises;

    BoomOracle(List<String> laneIds) {
        this.laneIds = laneIds.toArray(String[]::new);
        this.onLoop = new Truck[laneIds.size()];
    }

    /** The truck drove onto the lane's loop, under the boom. */
    synchronized void onLoop(int lane, Object truck, String summary) {
        Truck t = new Truck(summary);
        trucks.put(truck, t);
        onLoop[lane] = t;
    }

    /** The truck on the lane's loop drove off it. */
    synchronized void offLoop(int lane) {
        onLoop[lane] = null;
    }

    /** The lane's raise coil was set. */
    synchronized void raised(int lane) {
        raises++;
        Truck t = onLoop[lane];
        if (t == null) {
            violation(true, "the boom of " + laneIds[lane] + " was raised with no truck under it");
            return;
        }
        t.raises++;
        if (Boolean.FALSE.equals(t.released)) {
            violation(
                    true,
                    "the boom of " + laneIds[lane] + " was raised for a truck that was not RELEASEd: " + t.summary);
        }
    }

    /** The decision for this truck, as the lane heard it. */
    synchronized void decided(Object truck, boolean release) {
        Truck t = trucks.get(truck);
        if (t == null || t.released != null) {
            return;
        }
        t.released = release;
        if (!release) {
            for (int i = 0; i < t.raises; i++) {
                violation(true, "the boom was raised for a truck that was not RELEASEd: " + t.summary);
            }
        }
    }

    /** The lane's boom started down while its loop saw a vehicle. */
    synchronized void loweredOnVehicle(int lane) {
        Truck t = onLoop[lane];
        violation(
                false, "the boom of " + laneIds[lane] + " came down on a truck" + (t == null ? "" : ": " + t.summary));
    }

    /** The run is over: rises under trucks never decided are rises without a RELEASE. */
    synchronized Findings finish() {
        long notRaised = 0;
        for (Truck t : trucks.values()) {
            if (t.released == null) {
                for (int i = 0; i < t.raises; i++) {
                    violation(true, "the boom was raised for a truck that was never decided: " + t.summary);
                }
            } else if (t.released && t.raises == 0) {
                notRaised++;
            }
        }
        trucks.clear();
        return new Findings(
                raisedWithoutRelease,
                loweredOnVehicle,
                notRaised,
                raises,
                Collections.unmodifiableList(new ArrayList<>(examples)));
    }

    private void violation(boolean raised, String text) {
        if (raised) {
            raisedWithoutRelease++;
        } else {
            loweredOnVehicle++;
        }
        if (examples.size() < EXAMPLES_KEPT) {
            examples.add(text);
        }
    }
}
