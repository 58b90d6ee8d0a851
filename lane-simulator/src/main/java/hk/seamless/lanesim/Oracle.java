package hk.seamless.lanesim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What each arrival must be decided, from its scenario and the clearance rules ("At the lane"),
 * and whether the engine's decision is that.
 *
 * <p>Random selection: an arrival that would otherwise be RELEASE may be INSPECT with the single
 * reason RANDOM_SELECTION. That is right one by one; whether the engine selects at the rate in
 * force is judged over the whole run ({@link RandomSelectionCheck}).
 *
 * <p>Early arrival: a bundle may not cross before its earliest crossing time (bundling + lead).
 * An arrival well before it must be INSPECT EARLY_ARRIVAL, one well after it must not; within
 * {@code clockMargin} either way is right (the engine's clock and ours are read at different moments).
 */
final class Oracle {

    static final String RELEASE = "RELEASE";
    static final String INSPECT = "INSPECT";
    static final String REFER = "REFER";

    /** One acceptable decision: the verdict and exactly these reasons. */
    record Outcome(String decision, Set<String> reasons) {
        @Override
        public String toString() {
            return decision + " " + reasons;
        }
    }

    /**
     * What an arrival must get. {@code mark}: the vehicle the decision must name (canonical);
     * {@code bundleId}: the bundle a RELEASE must name, when there is one.
     */
    record Expectation(List<Outcome> acceptable, boolean randomEligible, String mark, String bundleId) {

        String text() {
            return acceptable + (randomEligible ? " (or INSPECT [RANDOM_SELECTION])" : "");
        }
    }

    /** The judgement of one decision. {@code eligible}: it counts for the random-selection rate; {@code selected}: it was picked. */
    record Judgement(boolean right, boolean eligible, boolean selected) {
    }

    private final Duration clockMargin;

    Oracle(Duration clockMargin) {
        this.clockMargin = clockMargin;
    }

    /**
     * @param vehicle     the vehicle whose plate is read (and whose tag, except for MISMATCH)
     * @param tagVehicle  the vehicle whose tag is read in a MISMATCH, else null
     * @param at          when the reads are sent
     */
    Expectation expect(Scenario scenario, SimVehicle vehicle, SimVehicle tagVehicle, Instant at) {
        List<Outcome> acceptable = new ArrayList<>();
        boolean random = false;
        switch (scenario) {
            case ONTIME, EARLY, MISREAD, NOTAG, EMPTY -> {
                Timing timing = timing(vehicle.earliestCrossingAt, at);
                if (timing != Timing.EARLY) {
                    acceptable.add(new Outcome(RELEASE, Set.of()));
                    random = true;
                }
                if (timing != Timing.DUE) {
                    acceptable.add(new Outcome(INSPECT, Set.of("EARLY_ARRIVAL")));
                }
            }
            case WATCHLISTED -> {
                Timing timing = timing(vehicle.earliestCrossingAt, at);
                if (timing != Timing.EARLY) {
                    acceptable.add(new Outcome(INSPECT, Set.of("WATCHLIST")));
                }
                if (timing != Timing.DUE) {
                    acceptable.add(new Outcome(INSPECT, Set.of("EARLY_ARRIVAL", "WATCHLIST")));
                }
            }
            case UNBUNDLED -> acceptable.add(new Outcome(INSPECT, Set.of("NO_BUNDLE")));
            case MISMATCH -> acceptable.add(new Outcome(REFER, Set.of("PLATE_TAG_MISMATCH")));
            case LOWCONF -> acceptable.add(new Outcome(REFER, Set.of("UNIDENTIFIED_VEHICLE")));
        }
        String mark = scenario == Scenario.MISMATCH ? tagVehicle.canonical : vehicle.canonical;
        return new Expectation(List.copyOf(acceptable), random, mark, vehicle.bundleId);
    }

    enum Timing { EARLY, DUE, EITHER }

    Timing timing(Instant earliestCrossingAt, Instant at) {
        if (earliestCrossingAt == null) {
            return Timing.DUE;
        }
        if (at.plus(clockMargin).isBefore(earliestCrossingAt)) {
            return Timing.EARLY;
        }
        if (at.minus(clockMargin).isAfter(earliestCrossingAt)) {
            return Timing.DUE;
        }
        return Timing.EITHER;
    }

    /** @return null when the decision is right, else what is wrong with it */
    static String wrongness(Expectation expected, Decision d) {
        boolean releaseLike = false;
        boolean matched = false;
        for (Outcome o : expected.acceptable()) {
            if (o.decision().equals(d.decision()) && o.reasons().equals(d.reasons())) {
                matched = true;
                releaseLike = o.decision().equals(RELEASE);
            }
        }
        if (!matched && expected.randomEligible() && INSPECT.equals(d.decision()) && d.reasons().equals(Set.of("RANDOM_SELECTION"))) {
            matched = true;
        }
        if (!matched) {
            return "expected " + expected.text() + ", got " + d.text();
        }
        if (expected.mark() != null && !expected.mark().equals(d.vehicleMark())) {
            return "decision names vehicle " + d.vehicleMark() + ", not " + expected.mark() + ": " + d.text();
        }
        if (releaseLike && expected.bundleId() != null && !expected.bundleId().equals(d.bundleId())) {
            return "RELEASE names bundle " + d.bundleId() + ", not " + expected.bundleId() + ": " + d.text();
        }
        return null;
    }

    static Judgement judge(Expectation expected, Decision d) {
        boolean right = wrongness(expected, d) == null;
        boolean selected = INSPECT.equals(d.decision()) && d.reasons().equals(Set.of("RANDOM_SELECTION"));
        boolean eligible = right && expected.randomEligible() && (RELEASE.equals(d.decision()) || selected);
        return new Judgement(right, eligible, eligible && selected);
    }
}
