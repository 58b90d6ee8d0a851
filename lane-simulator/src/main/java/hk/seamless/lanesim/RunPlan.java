package hk.seamless.lanesim;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the run will send, settled before anything is set up, so that the floor run and the engine
 * run send the same traffic: the engine's settings as the run takes them, the lanes driven, the
 * scenario mix once fitted to the engine (no early arrivals without a bundling lead; only trucks
 * with a tag under emulated booms), the schedule, and how many vehicles each pool needs.
 *
 * @param gateDropLane the id of the lane whose gate drops, or "" without one
 */
record RunPlan(
        EngineSettings settings,
        List<LaneInfo> lanes,
        ScenarioMix scenarios,
        ArrivalSchedule schedule,
        Map<String, Integer> sizes,
        String gateDropLane) {

    /** Plans the run and prints the plan (and notes on the mix) to {@code System.out}. */
    static RunPlan make(
            EngineSettings engineSettings, LaneEngines laneEngines, TrafficOptions traffic, Set<String> kinds) {
        EngineSettings settings = engineSettings;
        if (laneEngines != null) {
            settings = settings.withLanes(laneEngines.lanes());
        }
        if (traffic.presenceWindow != null) {
            settings = settings.withPresenceWindow(traffic.presenceWindow);
        }
        List<LaneInfo> chosen = settings.select(traffic.lanes);
        ScenarioMix scenarios = ScenarioMix.parse(traffic.mix);
        if (kinds.contains("modbus")) {
            // A loop under a boom holds one truck: arrivals without a tag queue at a plate-only lane; a
            // dropped gate would be a lost Modbus connection, a fault only an officer clears; and a truck's
            // presence ends when it leaves the loop, so a late frame of it is rightly a new arrival.
            for (Scenario s : Scenario.values()) {
                if ((!s.tagRead || s == Scenario.GATEDROP || s == Scenario.REPEAT) && scenarios.has(s)) {
                    System.out.println("note: with --devices modbus, " + s.label() + " arrivals go to ontime");
                    scenarios = scenarios.moving(s, Scenario.ONTIME);
                }
            }
        }
        if (settings.bundlingLead().isZero()) {
            if (scenarios.has(Scenario.EARLY)) {
                System.out.println(
                        "note: the engine's bundling lead is zero, so no arrival can be early; the early share goes to ontime");
                scenarios = scenarios.moving(Scenario.EARLY, Scenario.ONTIME);
            }
        } else {
            System.out.println(
                    "hint: the engine's bundling lead is " + settings.bundlingLead() + ": arrivals within it of their "
                            + "bundling are INSPECT EARLY_ARRIVAL, and the oracle expects that; start the engine with "
                            + "SEAMLESS_BUNDLING_LEAD=PT0S for on-time traffic");
        }
        ArrivalSchedule schedule = ArrivalSchedule.plan(
                traffic.rate, traffic.warmup.toNanos(), traffic.duration.toNanos(), chosen, scenarios, traffic.seed);
        Map<String, Integer> sizes = VehiclePools.sizes(schedule.counts(chosen), traffic.vehicles);
        int total = sizes.values().stream().mapToInt(Integer::intValue).sum();
        String gateDropLane = schedule.gateDropLane() < 0
                ? ""
                : chosen.get(schedule.gateDropLane()).id();
        System.out.printf(
                Locale.ROOT,
                "plan: %d arrivals (%d warm-up) on %d lanes (%s plate-only%s), mix %s; %d vehicles to set up%n",
                schedule.arrivals().size(),
                schedule.arrivals().stream()
                        .filter(ArrivalSchedule.Planned::warmup)
                        .count(),
                chosen.size(),
                schedule.plateOnlyLanes().stream().map(i -> chosen.get(i).id()).toList(),
                gateDropLane.isEmpty() ? "" : ", gate drops on " + gateDropLane,
                scenarios,
                total);
        return new RunPlan(settings, chosen, scenarios, schedule, sizes, gateDropLane);
    }

    /** How long the run waits after the last arrival was due for the decisions still to come. */
    long drainNanos() {
        return settings.fusionWindow().toNanos() + Duration.ofSeconds(10).toNanos();
    }

    /** Whether the lanes get an EMPTY button: only when the mix has EMPTY arrivals. */
    boolean buttons() {
        return scenarios.has(Scenario.EMPTY);
    }

    /** The ids of the lanes kept for arrivals without a tag. */
    List<String> plateOnlyLaneIds() {
        return schedule.plateOnlyLanes().stream().map(i -> lanes.get(i).id()).toList();
    }
}
