package hk.seamless.lanesim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which registered vehicle gets a bundle, which way, by which trucker and with whose cargo; and which
 * ONTIME vehicles are held back, to be bundled only during the run.
 */
final class BundlePlan {

    /** A vehicle as registered for the run: its pool, and the trucker who registered it. */
    record Registered(String poolKey, SimVehicle vehicle, String owner) {}

    /** One bundle to make. */
    record Job(SimVehicle vehicle, String direction, boolean empty, String trucker, String shipper, boolean targeted) {}

    final List<Job> jobs = new ArrayList<>();
    /** The vehicles held back from bundling, as {@link EngineSetup.Held}s... */
    final List<EngineSetup.Held> held = new ArrayList<>();
    /** ...and as a set, by identity. */
    private final Set<SimVehicle> heldBack = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param suspendedShipper the suspended shipper's token, whose cargo rides on the run's trucker's
     *     SUSPENDED vehicles (null when the run has none)
     * @param holdEvery every how many ONTIME vehicles of a pool one is held back (0: none)
     */
    BundlePlan(List<Registered> fleet, String trucker, String shipper, String suspendedShipper, int holdEvery) {
        Map<String, Integer> ontimeSeen = new HashMap<>();
        for (Registered r : fleet) {
            Scenario s = VehiclePools.scenarioOf(r.poolKey());
            String direction = VehiclePools.directionOf(r.poolKey());
            SimVehicle v = r.vehicle();
            if (s == Scenario.TWIN) {
                jobs.add(new Job(v.twin, direction, false, trucker, shipper, false));
            } else if (s == Scenario.SUSPENDED) {
                // Either the trucker is the suspended one, or the cargo is the suspended shipper's.
                boolean truckerSuspended = !r.owner().equals(trucker);
                v.accountSuspended = true;
                jobs.add(new Job(v, direction, false, r.owner(), truckerSuspended ? shipper : suspendedShipper, false));
            } else if (VehiclePools.bundled(s)) {
                jobs.add(new Job(v, direction, s == Scenario.EMPTY, trucker, shipper, s == Scenario.TARGETED));
                int nth = ontimeSeen.merge(r.poolKey(), 1, Integer::sum);
                if (s == Scenario.ONTIME && holdEvery > 0 && nth % holdEvery == 0) {
                    heldBack.add(v);
                    held.add(new EngineSetup.Held(v, direction, r.poolKey()));
                }
            }
        }
    }

    boolean heldBack(SimVehicle v) {
        return heldBack.contains(v);
    }

    /** The jobs to do before the run: all but the held-back ones. */
    List<Job> beforeTheRun() {
        return jobs.stream().filter(j -> !heldBack(j.vehicle())).toList();
    }

    /** The vehicles whose bundles carry cargo going {@code direction}, lodged by {@code shipper}. */
    List<SimVehicle> laden(String direction, String shipper, boolean targeted) {
        return jobs.stream()
                .filter(j -> !j.empty()
                        && j.direction().equals(direction)
                        && j.shipper().equals(shipper)
                        && j.targeted() == targeted)
                .map(Job::vehicle)
                .toList();
    }

    boolean anyTargeted() {
        return jobs.stream().anyMatch(Job::targeted);
    }
}
