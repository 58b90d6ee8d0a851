package hk.seamless.pipeline;

import hk.seamless.lane.LaneBundle;
import hk.seamless.lane.LaneConsignment;
import hk.seamless.lane.LaneView;
import hk.seamless.risk.RandomSelection;
import hk.seamless.risk.RiskView;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Assess and decide: rows three to nine of the check table, for an identified vehicle. The risk
 * found at bundling time (kept with the bundle) is combined with what only the lane knows now:
 * the watch list as it stands, the CCRNs' state, the EMPTY button, the clock.
 */
final class ClearanceRules {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private final LaneView view;
    private final RiskView risk;
    private final RandomSelection random;
    private final Predicate<String> alreadyReleased;

    ClearanceRules(LaneView view, RiskView risk, RandomSelection random, Predicate<String> alreadyReleased) {
        this.view = view;
        this.risk = risk;
        this.random = random;
        this.alreadyReleased = alreadyReleased;
    }

    void decide(Arrival arrival, long nowMillis) {
        Optional<LaneBundle> found = view.activeBundle(arrival.vehicleMark.toString(), arrival.lane.direction().name())
                .filter(b -> !alreadyReleased.test(b.id()));
        if (found.isEmpty()) {
            if (!arrival.emptyPressed) {
                arrival.reasons.add(ReasonCode.NO_BUNDLE);
            }
        } else {
            LaneBundle bundle = found.get();
            arrival.bundleId = bundle.id();
            arrival.ccrns.addAll(bundle.ccrns());
            if (nowMillis < bundle.earliestCrossingAt().toEpochMilli()) {
                arrival.reasons.add(ReasonCode.EARLY_ARRIVAL);
            }
            checkConsignments(arrival, bundle, nowMillis);
            if (arrival.emptyPressed && !bundle.empty()) {
                arrival.reasons.add(ReasonCode.EMPTY_CONFLICT);
            }
            for (String hit : bundle.riskHits()) {
                arrival.reasons.add(ReasonCode.valueOf(hit));
            }
        }
        if (risk.vehicleWatchEntry(arrival.vehicleMark) != null) {
            arrival.reasons.add(ReasonCode.WATCHLIST);
        }
        // Random selection only picks among arrivals that would otherwise be released, so that the
        // observed rate is the rate in force over the traffic it applies to.
        if (arrival.reasons.isEmpty() && random.select(risk.randomRate(arrival.lane.controlPoint()))) {
            arrival.reasons.add(ReasonCode.RANDOM_SELECTION);
        }
        arrival.verdict = arrival.reasons.isEmpty() ? Verdict.RELEASE : Verdict.INSPECT;
    }

    /** Every bundled CCRN must still be good to cross, and none may name a watched party. */
    private void checkConsignments(Arrival arrival, LaneBundle bundle, long nowMillis) {
        LocalDate today = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(nowMillis), HONG_KONG);
        for (String ccrn : bundle.ccrns()) {
            Optional<LaneConsignment> c = view.consignment(ccrn);
            if (c.isEmpty() || !"BUNDLED".equals(c.get().status()) || today.isAfter(c.get().expectedDate().plusDays(1))) {
                arrival.reasons.add(ReasonCode.CCRN_INVALID);
                continue;
            }
            if (risk.partyWatchEntry(c.get().consignor()) != null || risk.partyWatchEntry(c.get().consignee()) != null) {
                arrival.reasons.add(ReasonCode.WATCHLIST);
            }
        }
    }
}
