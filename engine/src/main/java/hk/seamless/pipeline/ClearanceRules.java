package hk.seamless.pipeline;

import hk.seamless.lane.ConsignmentAtLane;
import hk.seamless.lane.LaneView;
import hk.seamless.risk.RandomSelection;
import hk.seamless.risk.RiskView;

/**
 * Assess and decide: rows three to nine of the check table, for an identified vehicle. The risk
 * found at bundling time (kept with the bundle) is combined with what only the lane knows now:
 * the watch list as it stands, the CCRNs' state, the EMPTY button, the clock. Reads go into
 * reusable buffers: deciding allocates nothing.
 */
final class ClearanceRules {

    /** Hong Kong has kept UTC+8 all year since 1979: its calendar day needs no zone rules. */
    private static final long HONG_KONG_OFFSET_MILLIS = 8 * 3_600_000L;
    private static final long DAY_MILLIS = 86_400_000L;

    private final LaneView view;
    private final RiskView risk;
    private final RandomSelection random;
    private final ReleasedBundles released;
    private final ConsignmentAtLane consignment = new ConsignmentAtLane();
    private final StringBuilder ccrn = new StringBuilder(16);
    private final StringBuilder party = new StringBuilder(64);

    ClearanceRules(LaneView view, RiskView risk, RandomSelection random, ReleasedBundles released) {
        this.view = view;
        this.risk = risk;
        this.random = random;
        this.released = released;
    }

    void decide(Arrival arrival, long nowMillis) {
        arrival.hasBundle = view.activeBundle(arrival.vehicleMark, arrival.lane.direction(), arrival.bundle)
                && !released.contains(arrival.bundle.idHash(), nowMillis);
        if (!arrival.hasBundle) {
            if (!arrival.emptyPressed) {
                arrival.reasons.add(ReasonCode.NO_BUNDLE);
            }
        } else {
            if (nowMillis < arrival.bundle.earliestCrossingMillis()) {
                arrival.reasons.add(ReasonCode.EARLY_ARRIVAL);
            }
            checkConsignments(arrival, nowMillis);
            if (arrival.emptyPressed && !arrival.bundle.empty()) {
                arrival.reasons.add(ReasonCode.EMPTY_CONFLICT);
            }
            if (arrival.bundle.watchlistHit()) {
                arrival.reasons.add(ReasonCode.WATCHLIST);
            }
            if (arrival.bundle.riskRuleHit()) {
                arrival.reasons.add(ReasonCode.RISK_RULE);
            }
        }
        if (risk.isVehicleWatched(arrival.vehicleMark)) {
            arrival.reasons.add(ReasonCode.WATCHLIST);
        }
        // Random selection only picks among arrivals that would otherwise be released, so that the
        // observed rate is the rate in force over the traffic it applies to.
        if (arrival.reasons.isEmpty() && random.select(risk.randomRate(arrival.lane.controlPoint()))) {
            arrival.reasons.add(ReasonCode.RANDOM_SELECTION);
        }
        arrival.verdict = arrival.reasons.isEmpty() ? Verdict.RELEASE : Verdict.INSPECT;
    }

    /**
     * Every bundled CCRN must still be good to cross (BUNDLED, not past its expected date by more
     * than a day), and none may name a party on the watch list as it stands now.
     */
    private void checkConsignments(Arrival arrival, long nowMillis) {
        long today = Math.floorDiv(nowMillis + HONG_KONG_OFFSET_MILLIS, DAY_MILLIS);
        for (int i = 0; i < arrival.bundle.ccrnCount(); i++) {
            arrival.bundle.ccrn(i, ccrn);
            if (!view.consignment(ccrn, consignment) || !consignment.statusIs("BUNDLED")
                    || today > consignment.expectedEpochDay() + 1) {
                arrival.reasons.add(ReasonCode.CCRN_INVALID);
                continue;
            }
            consignment.consignor(party);
            boolean watched = risk.isPartyWatched(party);
            consignment.consignee(party);
            if (watched || risk.isPartyWatched(party)) {
                arrival.reasons.add(ReasonCode.WATCHLIST);
            }
        }
    }
}
