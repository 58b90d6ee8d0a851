package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
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
 * force is judged over the whole run ({@link RandomSelectionCheck}). The draw comes before a
 * gate-less lane turns a RELEASE into HOLD, so a HOLD counts as drawn and not selected.
 *
 * <p>Early arrival: a bundle may not cross before its earliest crossing time (bundling + lead).
 * An arrival well before it must be INSPECT EARLY_ARRIVAL, one well after it must not; within
 * {@code clockMargin} either way is right (the engine's clock and ours are read at different moments).
 */
final class Oracle {

    static final String RELEASE = "RELEASE";
    static final String INSPECT = "INSPECT";
    static final String REFER = "REFER";
    static final String HOLD = "HOLD";

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
    record Expectation(List<Outcome> acceptable, boolean randomEligible, String mark, String bundleId, Doubt doubt) {

        Expectation(List<Outcome> acceptable, boolean randomEligible, String mark, String bundleId) {
            this(acceptable, randomEligible, mark, bundleId, null);
        }

        String text() {
            return acceptable + (randomEligible ? " (or INSPECT [RANDOM_SELECTION])" : "");
        }

        /** The same, for a vehicle whose bundle was made at the registry during the run: the lane engine may not know it yet. */
        Expectation doubtful(Doubt d) {
            return new Expectation(acceptable, randomEligible, mark, bundleId, d);
        }
    }

    /**
     * A bundle made at the registry during the run, read at a lane engine of {@code controlPoint}
     * whose reads were sent at {@code sentNanos}: what the lane engine could know of it is settled
     * when its decision comes ({@link #settle}).
     */
    record Doubt(FeedTimeline.BundleMade made, String controlPoint, long sentNanos) {}

    /** What a lane engine rightly decides for a bundled vehicle whose bundle it has not heard of: an unknown bundle. */
    static final Outcome UNKNOWN_BUNDLE = new Outcome(INSPECT, Set.of("NO_BUNDLE"));

    /** The judgement of one decision. {@code eligible}: it counts for the random-selection rate; {@code selected}: it was picked. */
    record Judgement(boolean right, boolean eligible, boolean selected) {}

    private final Duration clockMargin;
    /** Evidence of what each lane engine could know (a run with a registry and lane engines), else null. */
    private final FeedTimeline feed;

    Oracle(Duration clockMargin) {
        this(clockMargin, null);
    }

    Oracle(Duration clockMargin, FeedTimeline feed) {
        this.clockMargin = clockMargin;
        this.feed = feed;
    }

    FeedTimeline feed() {
        return feed;
    }

    /** What the lane engine could know of the expectation's doubtful bundle when it decided; null when there is no doubt. */
    FeedTimeline.Knowledge knowledge(Expectation e, long decidedNanos) {
        if (e.doubt() == null || feed == null) {
            return null;
        }
        Doubt d = e.doubt();
        return feed.knowledge(d.made(), d.controlPoint(), d.sentNanos(), decidedNanos);
    }

    /**
     * The expectation as it stands once the decision came at {@code decidedNanos}: a bundle the lane
     * engine surely had is held to the rules as any other; one it surely had not must be an unknown
     * bundle (a RELEASE of it could not have been made rightly, and counts wrong); one it may or may
     * not have had yet may be either.
     */
    Expectation settle(Expectation e, long decidedNanos) {
        FeedTimeline.Knowledge k = knowledge(e, decidedNanos);
        if (k == null || k == FeedTimeline.Knowledge.KNOWN) {
            return e;
        }
        if (k == FeedTimeline.Knowledge.UNKNOWN) {
            return new Expectation(List.of(UNKNOWN_BUNDLE), false, e.mark(), null, e.doubt());
        }
        List<Outcome> either = new ArrayList<>(e.acceptable());
        either.add(UNKNOWN_BUNDLE);
        return new Expectation(List.copyOf(either), e.randomEligible(), e.mark(), e.bundleId(), e.doubt());
    }

    /**
     * @param vehicle     the vehicle whose plate is read (and whose tag, except for MISMATCH)
     * @param tagVehicle  the vehicle whose tag is read in a MISMATCH, else null
     * @param at          when the reads are sent
     */
    Expectation expect(Scenario scenario, SimVehicle vehicle, SimVehicle tagVehicle, Instant at) {
        return expect(scenario, vehicle, tagVehicle, at, true);
    }

    /**
     * The check table, in its order: identification REFERs decide alone; otherwise the reasons
     * accumulate; RANDOM_SELECTION only when there is no other; REFER if ACCOUNT_SUSPENDED is among
     * them, else INSPECT if any, else RELEASE; and a RELEASE at a lane without a connected gate is
     * HOLD GATE_UNAVAILABLE.
     *
     * @param gateConnected whether the lane's gate is connected (a GATEDROP lane's may not be)
     */
    Expectation expect(
            Scenario scenario, SimVehicle vehicle, SimVehicle tagVehicle, Instant at, boolean gateConnected) {
        return switch (scenario) {
            case UNBUNDLED, TWIN -> single(new Outcome(INSPECT, Set.of("NO_BUNDLE")), vehicle.canonical, null);
            case MISMATCH -> single(new Outcome(REFER, Set.of("PLATE_TAG_MISMATCH")), tagVehicle.canonical, null);
            // What mark an unidentified arrival names is not the rules' business: it is not checked.
            case LOWCONF -> single(new Outcome(REFER, Set.of("UNIDENTIFIED_VEHICLE")), null, null);
            // The confident best plate names a vehicle nobody registered; the candidates that name the
            // real one are below the threshold and identify nobody: an unknown vehicle, NO_BUNDLE.
            case LOWCAND -> single(new Outcome(INSPECT, Set.of("NO_BUNDLE")), vehicle.canonical + "K", null);
            case WATCHLISTED -> bundled(vehicle, at, Set.of("WATCHLIST"), gateConnected);
            case SUSPENDED -> bundled(vehicle, at, Set.of("ACCOUNT_SUSPENDED"), gateConnected);
            case TARGETED -> bundled(vehicle, at, Set.of("RISK_RULE"), gateConnected);
            case ONTIME, EARLY, MISREAD, NOTAG, EMPTY, MULTIFRAME, REPEAT, GATEDROP, WATCHLIFTED ->
                bundled(vehicle, at, vehicle.accountSuspended ? Set.of("ACCOUNT_SUSPENDED") : Set.of(), gateConnected);
        };
    }

    private static Expectation single(Outcome outcome, String mark, String bundleId) {
        return new Expectation(List.of(outcome), false, mark, bundleId);
    }

    /** An identified vehicle with an ACTIVE bundle, and the reasons that stand whenever it arrives. */
    private Expectation bundled(SimVehicle vehicle, Instant at, Set<String> standing, boolean gateConnected) {
        List<Outcome> acceptable = new ArrayList<>();
        boolean random = false;
        Timing timing = timing(vehicle.earliestCrossingAt, at);
        if (timing != Timing.EARLY) {
            acceptable.add(verdict(standing, gateConnected));
            random = standing.isEmpty();
        }
        if (timing != Timing.DUE) {
            Set<String> early = new java.util.HashSet<>(standing);
            early.add("EARLY_ARRIVAL");
            acceptable.add(verdict(Set.copyOf(early), gateConnected));
        }
        return new Expectation(List.copyOf(acceptable), random, vehicle.canonical, vehicle.bundleId);
    }

    static Outcome verdict(Set<String> reasons, boolean gateConnected) {
        if (reasons.contains("ACCOUNT_SUSPENDED")) {
            return new Outcome(REFER, reasons);
        }
        if (!reasons.isEmpty()) {
            return new Outcome(INSPECT, reasons);
        }
        return gateConnected ? new Outcome(RELEASE, Set.of()) : new Outcome(HOLD, Set.of("GATE_UNAVAILABLE"));
    }

    /**
     * Whether a late frame of a decided vehicle was answered as a repeat: 202 with the decided
     * arrival's id and {@code "repeat": true}, never a decision. {@code status} 0: a lane-stream
     * answer (no HTTP status).
     *
     * @return null when right, else what is wrong
     */
    static String repeatWrongness(String decidedArrivalId, int status, String body) {
        JsonObject answer;
        try {
            answer = new JsonObject(body);
        } catch (RuntimeException e) {
            return "a late frame was answered " + status + " " + Excerpt.of(body);
        }
        if (answer.getValue("decision") != null || (status != 0 && status != 202)) {
            return "a late frame of arrival " + decidedArrivalId + " was decided again: " + status + " "
                    + Excerpt.of(body);
        }
        if (!decidedArrivalId.equals(answer.getValue("arrivalId"))) {
            return "a late frame of arrival " + decidedArrivalId + " was taken into arrival "
                    + answer.getValue("arrivalId");
        }
        if (!Boolean.TRUE.equals(answer.getValue("repeat"))) {
            return "a late frame of arrival " + decidedArrivalId + " was not answered as a repeat: " + Excerpt.of(body);
        }
        return null;
    }

    enum Timing {
        EARLY,
        DUE,
        EITHER
    }

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
        if (!matched
                && expected.randomEligible()
                && INSPECT.equals(d.decision())
                && d.reasons().equals(Set.of("RANDOM_SELECTION"))) {
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
        // A HOLD is a RELEASE the lane could not carry out: it was drawn for, and not selected.
        boolean eligible = right
                && expected.randomEligible()
                && (RELEASE.equals(d.decision()) || HOLD.equals(d.decision()) || selected);
        return new Judgement(right, eligible, eligible && selected);
    }
}
