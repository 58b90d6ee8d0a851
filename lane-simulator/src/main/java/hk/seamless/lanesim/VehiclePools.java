package hk.seamless.lanesim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Which vehicle drives each arrival. A RELEASE uses a bundle up (the next arrival of that vehicle
 * would be NO_BUNDLE), so each arrival of a releasing scenario (ontime, misread, notag, empty,
 * multiframe, repeat, gatedrop) gets a fresh bundled vehicle of its own, one per planned arrival.
 * The other scenarios never release when the engine is right, so their vehicles ("fleets",
 * --vehicles in all) are reused: a vehicle is taken when its arrival is sent and given back once
 * its decision came, never while it is in another arrival; one the engine (wrongly) released is
 * retired. A gatedrop vehicle held at a gate-less lane keeps its bundle and goes back to the front
 * of its pool, so that it comes again (and is released once the gate is back).
 *
 * <p>A vehicle is never taken for a lane where it was the last vehicle seen less than a presence
 * window ago: the engine would take its reads for late frames of that arrival (see {@link LanePresence}).
 */
final class VehiclePools {

    /** A pool is per scenario and direction; "ANY" for vehicles that need no direction. */
    static String key(Scenario s, String direction) {
        return s.name() + "|" + (directional(s) ? direction : "ANY");
    }

    /** Whether the scenario's vehicles hold an ACTIVE bundle in the lane's direction. */
    static boolean bundled(Scenario s) {
        return s != Scenario.UNBUNDLED && s != Scenario.MISMATCH && s != Scenario.TWIN;
    }

    /** Whether the pool depends on the lane's direction (a twin has no bundle, but its look-alike has one in that direction). */
    static boolean directional(Scenario s) {
        return bundled(s) || s == Scenario.TWIN;
    }

    private final Map<String, ConcurrentLinkedDeque<SimVehicle>> pools = new LinkedHashMap<>();

    /** What a run needs, from its schedule: fresh vehicles per arrival, fleets shared out of {@code fleetTotal}. */
    static Map<String, Integer> sizes(Map<Scenario, Map<String, Integer>> counts, int fleetTotal) {
        Map<String, Integer> needs = new LinkedHashMap<>();
        Map<String, Integer> fleetArrivals = new LinkedHashMap<>();
        counts.forEach((s, byDirection) -> byDirection.forEach((direction, n) -> {
            if (s.releasing) {
                needs.merge(key(s, direction), n, Integer::sum);
            } else {
                fleetArrivals.merge(key(s, direction), n * (s == Scenario.MISMATCH ? 2 : 1), Integer::sum);
            }
        }));
        int all = fleetArrivals.values().stream().mapToInt(Integer::intValue).sum();
        fleetArrivals.forEach((key, n) -> {
            int share = (int) Math.ceil(fleetTotal * (double) n / Math.max(1, all));
            needs.put(key, Math.min(n, Math.max(Math.min(8, n), share)));
        });
        return needs;
    }

    void add(String key, SimVehicle v) {
        pools.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).add(v);
    }

    /** Makes the pool exist, empty, so that vehicles may be added to it while a run takes from it. */
    void ensure(String key) {
        pools.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
    }

    /** A vehicle bundled during the run, ready at the border: the next arrival of its pool takes it. */
    void addFirst(String key, SimVehicle v) {
        ConcurrentLinkedDeque<SimVehicle> pool = pools.get(key);
        if (pool == null) {
            throw new IllegalStateException("no pool " + key + " (ensure it before the run)");
        }
        pool.addFirst(v);
    }

    Map<String, Integer> available() {
        Map<String, Integer> out = new LinkedHashMap<>();
        pools.forEach((k, q) -> out.put(k, q.size()));
        return out;
    }

    /**
     * The vehicles for one arrival (two for a MISMATCH: plate's, then tag's), or null when none is
     * free; none of {@code notThese} (the lane's last vehicles, still present there).
     */
    SimVehicle[] take(Scenario s, String direction, Collection<SimVehicle> notThese) {
        ConcurrentLinkedDeque<SimVehicle> pool = pools.get(key(s, direction));
        if (pool == null) {
            return null;
        }
        int wanted = s == Scenario.MISMATCH ? 2 : 1;
        List<SimVehicle> taken = new ArrayList<>(wanted);
        List<SimVehicle> skipped = new ArrayList<>(2);
        while (taken.size() < wanted) {
            SimVehicle v = pool.pollFirst();
            if (v == null) {
                break;
            }
            (notThese.contains(v) ? skipped : taken).add(v);
        }
        for (int i = skipped.size() - 1; i >= 0; i--) {
            pool.addFirst(skipped.get(i));
        }
        if (taken.size() < wanted) {
            for (int i = taken.size() - 1; i >= 0; i--) {
                pool.addFirst(taken.get(i));
            }
            return null;
        }
        return taken.toArray(new SimVehicle[0]);
    }

    /** After the decision: a fleet vehicle goes back unless it was released; a fresh one is spent, a held one comes again. */
    void giveBack(Scenario s, String direction, SimVehicle[] vehicles, boolean released) {
        if (released) {
            return;
        }
        ConcurrentLinkedDeque<SimVehicle> pool = pools.get(key(s, direction));
        if (s == Scenario.GATEDROP) {
            for (SimVehicle v : vehicles) {
                pool.addFirst(v);
            }
            return;
        }
        if (s.releasing) {
            return;
        }
        for (SimVehicle v : vehicles) {
            pool.addLast(v);
        }
    }

    /** All vehicles, for set-up, grouped by pool. */
    Map<String, List<SimVehicle>> all() {
        Map<String, List<SimVehicle>> out = new LinkedHashMap<>();
        pools.forEach((k, q) -> out.put(k, new ArrayList<>(q)));
        return out;
    }

    static Scenario scenarioOf(String key) {
        return Scenario.valueOf(key.substring(0, key.indexOf('|')));
    }

    static String directionOf(String key) {
        return key.substring(key.indexOf('|') + 1);
    }

    /** Whether the scenario's vehicles need a mark with a look-alike digit (a misread, or a twin's partner). */
    static boolean lookAlikeDigit(Scenario s) {
        return s == Scenario.MISREAD || s == Scenario.MULTIFRAME || s == Scenario.TWIN;
    }

    /** Pools made up locally, for the floor run (nothing registered anywhere). */
    static VehiclePools madeUp(Map<String, Integer> sizes, VehicleFactory factory) {
        VehiclePools pools = new VehiclePools();
        sizes.forEach((key, n) -> {
            Scenario s = scenarioOf(key);
            for (int i = 0; i < n; i++) {
                SimVehicle v = factory.next(true, lookAlikeDigit(s));
                pools.add(key, s == Scenario.TWIN ? factory.twinOf(v) : v);
            }
        });
        return pools;
    }
}
