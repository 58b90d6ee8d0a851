package hk.seamless.pipeline;

import hk.seamless.config.Lane;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.trade.VehicleMark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An officer overrides a decision, with a reason; an INSPECT turned RELEASE records the inspection
 * result; a REFER may be resolved by keying the vehicle's mark, which runs the rules again for
 * that vehicle. Runs on the pipeline thread, the one writer of arrival state.
 *
 * <p>The gate hears an override only while the vehicle is still at the lane (the one present
 * there, no other vehicle read since) and the gate can act; otherwise the officer is told where the
 * truck stands, and the boom is never raised for whoever happens to be under it. A RELEASE is
 * recorded as the crossing either way: it is the officer's clearance, given by hand if need be.
 */
final class OverrideDesk {

    private final ArrivalRecords records;
    private final ClearanceRules rules;
    private final DecisionPublisher publisher;
    private final Map<String, Integer> laneIndex;
    private final List<Lane> lanes;
    private final long releaseValidityMillis;
    private final Fusion presence;
    private final java.util.function.IntPredicate gateAvailable;

    OverrideDesk(
            ArrivalRecords records,
            ClearanceRules rules,
            DecisionPublisher publisher,
            List<Lane> lanes,
            Map<String, Integer> laneIndex,
            long releaseValidityMillis,
            Fusion presence,
            java.util.function.IntPredicate gateAvailable) {
        this.presence = presence;
        this.gateAvailable = gateAvailable;
        this.records = records;
        this.rules = rules;
        this.publisher = publisher;
        this.lanes = lanes;
        this.laneIndex = laneIndex;
        this.releaseValidityMillis = releaseValidityMillis;
    }

    /** The officer's answer, and when it may be given: once a RELEASE's crossing is recorded. */
    private record Outcome(String answer, CompletableFuture<?> crossingRecorded) {}

    void apply(OverrideCommand command, long nowMillis) {
        try {
            Outcome done = applyChecked(command, nowMillis);
            // Off the pipeline thread: the registry writer completes it. Answered either way; a
            // crossing that could not be recorded is reported again at the next start.
            done.crossingRecorded()
                    .whenComplete((ignored, e) -> command.outcome().complete(done.answer()));
        } catch (RuntimeException e) {
            command.outcome().completeExceptionally(e);
        }
    }

    private Outcome applyChecked(OverrideCommand c, long nowMillis) {
        ArrivalRecord record = records.find(c.arrivalId());
        if (record == null) {
            throw RuleViolation.notFound("no recent arrival " + c.arrivalId());
        }
        if (c.decision() == Verdict.HOLD) {
            throw new InvalidInputException(
                    "decision",
                    "an officer decides RELEASE, INSPECT or REFER; HOLD is the lane's when its gate cannot act");
        }
        int index = laneIndex.get(record.lane());
        String mark = record.vehicleMark();
        Verdict to = c.decision();
        List<ReasonCode> reasons = new ArrayList<>(record.reasons());
        String bundleId = record.bundleId();
        List<String> ccrns = record.ccrns();
        boolean keyedToInspection = false;
        if (c.vehicleMark() != null) {
            if (record.decision() != Verdict.REFER && record.decision() != Verdict.HOLD) {
                throw RuleViolation.conflict(
                        "a mark is keyed only to resolve a REFER or a HOLD; this arrival is " + record.decision());
            }
            Arrival keyed = new Arrival(lanes.get(index), index);
            keyed.open(record.id(), nowMillis);
            keyed.vehicleMark.append(
                    VehicleMark.parse(c.vehicleMark(), "vehicleMark").value());
            keyed.emptyPressed = record.reads().emptyPressed();
            rules.decide(keyed, nowMillis);
            keyed.decidedAtMillis = nowMillis;
            ArrivalRecord decided = DecisionPublisher.snapshot(keyed);
            mark = decided.vehicleMark();
            reasons = new ArrayList<>(decided.reasons());
            bundleId = decided.bundleId();
            ccrns = decided.ccrns();
            keyedToInspection = keyed.verdict == Verdict.INSPECT;
            if (to == null) {
                to = keyed.verdict;
            }
        }
        if (to == null) {
            throw new InvalidInputException("decision", "give a decision, or key the vehicle's mark for a REFER");
        }
        if (c.decision() != null && !reasons.contains(ReasonCode.OFFICER_OVERRIDE)) {
            reasons.add(ReasonCode.OFFICER_OVERRIDE);
        }
        // Sent to inspection by the lane, by an officer on the way, or by the rules run again on the
        // keyed mark: a RELEASE records what the inspection found, whatever came in between.
        boolean inspectedThenReleased = to == Verdict.RELEASE && (record.everSentToInspection() || keyedToInspection);
        if (inspectedThenReleased
                && (c.inspectionResult() == null || c.inspectionResult().isBlank())) {
            throw new InvalidInputException(List.of(
                    new FieldError("inspectionResult", "is required to release a truck that was sent to inspection")));
        }
        ArrivalRecord.Override override = new ArrivalRecord.Override(
                c.officer(),
                c.officerName(),
                record.decision(),
                to,
                c.reason(),
                c.inspectionResult(),
                c.vehicleMark(),
                Instant.ofEpochMilli(nowMillis));
        ArrivalRecord updated = record.overridden(mark, to, reasons, bundleId, ccrns, override);
        boolean atLane = presence.isPresent(index, record.id(), nowMillis);
        boolean gateUp = gateAvailable.test(index);
        // Asked before the republish, which remembers this release: was the bundle used by another?
        boolean bundleUsedBefore =
                to == Verdict.RELEASE && bundleId != null && !record.everReleased() && publisher.released(bundleId);
        CompletableFuture<?> crossing = publisher.republish(index, updated, nowMillis, atLane && gateUp);
        String note = gateNote(atLane, gateUp, to, record.lane());
        if (bundleUsedBefore) {
            note += " Bundle " + bundleId + " was already used by an earlier release: no second crossing is"
                    + " recorded for this one; check the vehicle's papers.";
        } else if (to == Verdict.RELEASE
                && bundleId != null
                && !record.everReleased()
                && rules.knowsTheRegistry()
                && !rules.isStillActive(mark, lanes.get(index).direction(), bundleId)) {
            note += " Bundle " + bundleId + " was unbundled after the lane's decision: the crossing is recorded"
                    + " against it all the same (its consignments CROSSED); check the vehicle's papers.";
        }
        return new Outcome(
                DecisionMessages.detail(updated, releaseValidityMillis)
                        .put("gateSignal", gateSignal(atLane, gateUp).name())
                        .put("gateNote", note)
                        .encode(),
                crossing);
    }

    /** What the gate was told of the override, for the officer. */
    enum GateSignal {
        SENT,
        VEHICLE_GONE,
        GATE_UNAVAILABLE
    }

    private static GateSignal gateSignal(boolean atLane, boolean gateUp) {
        return !atLane ? GateSignal.VEHICLE_GONE : gateUp ? GateSignal.SENT : GateSignal.GATE_UNAVAILABLE;
    }

    private static String gateNote(boolean atLane, boolean gateUp, Verdict to, String lane) {
        if (!atLane) {
            return "The vehicle is no longer at lane " + lane + ": its gate was not signalled. "
                    + (to == Verdict.RELEASE
                            ? "Release the truck where it stands now."
                            : "Direct the truck in person.");
        }
        if (!gateUp) {
            return "The gate of lane " + lane + " is not connected or is in fault: "
                    + (to == Verdict.RELEASE ? "raise the boom by hand." : "direct the truck in person.");
        }
        return "Sent to the gate of lane " + lane + ".";
    }
}
