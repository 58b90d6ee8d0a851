package hk.seamless.lanesim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * When each arrival is due, at which lane, and what happens there: an open-loop plan made before
 * the run, evenly spaced at --rate arrivals a second, so sending never waits for an answer.
 *
 * <p>A lane holds one vehicle at a time. An arrival with every read (plate and tag) is decided
 * as soon as its last read is in, so lanes take such arrivals back to back. An arrival without a
 * tag (NOTAG, LOWCONF) keeps its lane waiting for the fusion window, and a tag or EMPTY press of the
 * next vehicle would be fused into it (they come on other sockets, in no guaranteed order). Those
 * arrivals therefore get lanes of their own ("plate-only lanes": one per direction when there are
 * enough lanes), where each next plate, on the same camera socket, closes the waiting arrival
 * just as a next vehicle does at a real lane.
 *
 * <p>GATEDROP arrivals get a lane of their own too (the "gate-drop lane", taken from the lanes
 * with tags), whose gate the run disconnects and reconnects in turn ({@link GateDropCycle}).
 */
final class ArrivalSchedule {

    /** One arrival of the plan. {@code dueNanos} counts from the start of the run (warm-up included). */
    record Planned(int index, long dueNanos, int lane, Scenario scenario, boolean warmup) {}

    private final List<Planned> arrivals;
    private final List<Integer> plateOnlyLanes;
    private final int gateDropLane;

    private ArrivalSchedule(List<Planned> arrivals, List<Integer> plateOnlyLanes, int gateDropLane) {
        this.arrivals = arrivals;
        this.plateOnlyLanes = plateOnlyLanes;
        this.gateDropLane = gateDropLane;
    }

    static ArrivalSchedule plan(
            double rate, long warmupNanos, long durationNanos, List<LaneInfo> lanes, ScenarioMix mix, long seed) {
        if (rate <= 0 || durationNanos <= 0 || warmupNanos < 0) {
            throw new IllegalArgumentException("--rate and --duration must be positive, --warmup not negative");
        }
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("no lanes to drive");
        }
        boolean plateOnly = java.util.Arrays.stream(Scenario.values()).anyMatch(s -> !s.tagRead && mix.has(s));
        boolean full = java.util.Arrays.stream(Scenario.values()).anyMatch(s -> s.tagRead && mix.has(s));
        boolean fullBesidesGateDrop = java.util.Arrays.stream(Scenario.values())
                .anyMatch(s -> s.tagRead && s != Scenario.GATEDROP && mix.has(s));
        List<Integer> plateOnlyLanes = new ArrayList<>();
        List<Integer> fullLanes = new ArrayList<>();
        if (plateOnly && full) {
            if (lanes.size() < 2) {
                throw new IllegalArgumentException(
                        "arrivals without a tag (notag, lowconf, multiframe, twin, lowcand) need a lane of their own: "
                                + "give at least two --lanes, or leave them out of --mix");
            }
            // One plate-only lane per direction when each direction keeps a full lane too.
            for (String direction : List.of("IMPORT", "EXPORT")) {
                List<Integer> ofDirection = new ArrayList<>();
                for (int i = 0; i < lanes.size(); i++) {
                    if (lanes.get(i).direction().equals(direction)) {
                        ofDirection.add(i);
                    }
                }
                if (ofDirection.size() >= 2) {
                    plateOnlyLanes.add(ofDirection.get(ofDirection.size() - 1));
                }
            }
            if (plateOnlyLanes.isEmpty()) {
                plateOnlyLanes.add(lanes.size() - 1);
            }
            for (int i = 0; i < lanes.size(); i++) {
                if (!plateOnlyLanes.contains(i)) {
                    fullLanes.add(i);
                }
            }
        } else {
            for (int i = 0; i < lanes.size(); i++) {
                (plateOnly ? plateOnlyLanes : fullLanes).add(i);
            }
        }
        int gateDropLane = -1;
        if (mix.has(Scenario.GATEDROP)) {
            List<Integer> candidates = List.copyOf(fullLanes);
            // The last lane with tags whose direction keeps another one (the gate-drop lane serves gatedrop only).
            for (int i = candidates.size() - 1; i >= 0 && gateDropLane < 0; i--) {
                String direction = lanes.get(candidates.get(i)).direction();
                long sameDirection = candidates.stream()
                        .filter(l -> lanes.get(l).direction().equals(direction))
                        .count();
                if (sameDirection >= 2 || !fullBesidesGateDrop) {
                    gateDropLane = candidates.get(i);
                }
            }
            if (gateDropLane < 0) {
                throw new IllegalArgumentException(
                        "gatedrop arrivals need a lane of their own, next to the lanes the other "
                                + "scenarios take: give more --lanes, or leave gatedrop out of --mix");
            }
            fullLanes.remove(Integer.valueOf(gateDropLane));
        }
        long total = Math.round(rate * (warmupNanos + durationNanos) / 1e9);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--rate x --duration is too large");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Planned> arrivals = new ArrayList<>((int) total);
        int nextFull = 0;
        int nextPlateOnly = 0;
        for (int i = 0; i < total; i++) {
            long due = Math.round(i * 1e9 / rate);
            Scenario scenario = mix.draw(random);
            int lane = scenario == Scenario.GATEDROP
                    ? gateDropLane
                    : scenario.tagRead
                            ? fullLanes.get(nextFull++ % fullLanes.size())
                            : plateOnlyLanes.get(nextPlateOnly++ % plateOnlyLanes.size());
            arrivals.add(new Planned(i, due, lane, scenario, due < warmupNanos));
        }
        return new ArrivalSchedule(Collections.unmodifiableList(arrivals), List.copyOf(plateOnlyLanes), gateDropLane);
    }

    List<Planned> arrivals() {
        return arrivals;
    }

    List<Integer> plateOnlyLanes() {
        return plateOnlyLanes;
    }

    /** The lane whose gate drops, or -1 when the mix has no gatedrop. */
    int gateDropLane() {
        return gateDropLane;
    }

    /** How many arrivals of each scenario go in each direction: what the set-up must provide. */
    Map<Scenario, Map<String, Integer>> counts(List<LaneInfo> lanes) {
        Map<Scenario, Map<String, Integer>> counts = new EnumMap<>(Scenario.class);
        for (Planned p : arrivals) {
            counts.computeIfAbsent(p.scenario(), s -> new java.util.TreeMap<>())
                    .merge(lanes.get(p.lane()).direction(), 1, Integer::sum);
        }
        return counts;
    }
}
