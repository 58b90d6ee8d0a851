package hk.seamless.lanesim;

import java.util.List;
import java.util.Map;

/**
 * Holds each decision of the engine against the clearance rules, as the {@link Oracle} says they
 * apply to the arrival now (a bundle made during the run may have reached the lane engine since the
 * arrival was sent, or not, if the feed was cut): a wrong one is counted with the arrival in words
 * and, for a bundle made during the run, what the lane engine could have known of it; a right one
 * that could have been selected at random goes to the {@link RandomSelectionCheck}; across control
 * points, every one goes to the {@link TopologyTally}. Only against the engine: the floor's
 * decisions are fakes.
 */
final class DecisionJudge {

    private final List<LaneInfo> lanes;
    private final Oracle oracle;
    /** The random-selection rate of each control point. */
    private final Map<String, Double> rates;

    private final RunCounts counts;
    private final RandomSelectionCheck randomCheck = new RandomSelectionCheck();
    /** Counts per control point (a run over lane engines); null for one engine. Set before the run. */
    private TopologyTally topology;

    DecisionJudge(List<LaneInfo> lanes, Oracle oracle, Map<String, Double> rates, RunCounts counts) {
        this.lanes = lanes;
        this.oracle = oracle;
        this.rates = rates;
        this.counts = counts;
    }

    void countPerControlPoint(TopologyTally tally) {
        this.topology = tally;
    }

    /**
     * Holds a decision against the rules (the oracle's expectation as it stands now), counts a wrong
     * one, adds a right one to the random-selection check and, across control points, the topology's
     * tally.
     *
     * @return whether the decision was right
     */
    boolean judged(int lane, InFlight f, Decision d, long now, boolean measured, Scenario scenario) {
        boolean right = true;
        Oracle.Expectation expected = oracle.settle(f.expected, now);
        String why = Oracle.wrongness(expected, d);
        if (why != null) {
            right = false;
            FeedTimeline.Knowledge k = oracle.knowledge(f.expected, now);
            counts.wrong(
                    measured,
                    scenario,
                    f.summary() + ": " + why
                            + (k == null
                                    ? ""
                                    : " (bundled during the run; the lane engine "
                                            + (k == FeedTimeline.Knowledge.KNOWN
                                                    ? "had applied it"
                                                    : k == FeedTimeline.Knowledge.UNKNOWN
                                                            ? "was cut off from it"
                                                            : "may not have had it yet")
                                            + ")"));
        } else {
            Oracle.Judgement j = Oracle.judge(expected, d);
            if (j.eligible()) {
                randomCheck.add(rates.getOrDefault(lanes.get(lane).controlPoint(), 0.0), j.selected());
            }
        }
        if (topology != null) {
            FeedTimeline feed = oracle.feed();
            topology.decided(
                    lanes.get(lane).controlPoint(),
                    d,
                    right,
                    feed != null && feed.cutOffAt(now),
                    oracle.knowledge(f.expected, now));
        }
        return right;
    }

    /**
     * At the run's end, against the engine: an arrival still in flight never got its decision to the
     * gate, which is as wrong as a wrong decision.
     */
    void noDecision(String summary) {
        counts.wrong.incrementAndGet();
        counts.keepWrong("no decision reached the gate: " + summary);
    }

    /** At the run's end, across control points: each arrival still in flight counts as undecided at its control point. */
    void countUndecided(ArrivalsInFlight inFlight) {
        if (topology != null) {
            inFlight.forEachAtLane(
                    (lane, f) -> topology.undecided(lanes.get(lane).controlPoint()));
        }
    }

    /** The random-selection check of the right decisions. */
    RandomSelectionCheck randomCheck() {
        return randomCheck;
    }
}
