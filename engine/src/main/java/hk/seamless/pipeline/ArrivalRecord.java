package hk.seamless.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * An arrival as decided, kept for the console and for overrides: the reads behind it, the
 * decision, the gate's acknowledgement and every override. Immutable; replaced on change.
 */
public record ArrivalRecord(
        String id,
        String controlPoint,
        String lane,
        String direction,
        String vehicleMark,
        Verdict decision,
        List<ReasonCode> reasons,
        String bundleId,
        List<String> ccrns,
        Instant decidedAt,
        Reads reads,
        String gateState,
        List<Override> overrides,
        int repeatReads) {

    public ArrivalRecord {
        reasons = List.copyOf(reasons);
        ccrns = List.copyOf(ccrns);
        overrides = List.copyOf(overrides);
    }

    /** What the sensors said. */
    public record Reads(String plate, int confidence, List<Candidate> candidates, String epc, boolean emptyPressed) {
        public Reads {
            candidates = List.copyOf(candidates);
        }
    }

    public record Candidate(String plate, int confidence) {}

    /**
     * An officer's decision over the engine's, with the reason and any inspection result. The
     * officer's name is kept as it was at the time, for the audit trail other officers read.
     */
    public record Override(
            String officer,
            String officerName,
            Verdict from,
            Verdict to,
            String reason,
            String inspectionResult,
            String keyedMark,
            Instant at) {}

    /**
     * Whether the lane or an officer ever sent this truck to inspection: its release then records
     * the inspection result, whatever decisions came in between.
     */
    public boolean everSentToInspection() {
        if (decision == Verdict.INSPECT) {
            return true;
        }
        for (Override o : overrides) {
            if (o.from() == Verdict.INSPECT || o.to() == Verdict.INSPECT) {
                return true;
            }
        }
        return false;
    }

    /** Whether the lane or an officer released this arrival already: its crossing is its own. */
    public boolean everReleased() {
        return decision == Verdict.RELEASE
                || overrides.stream().anyMatch(o -> o.from() == Verdict.RELEASE || o.to() == Verdict.RELEASE);
    }

    public ArrivalRecord withGateState(String state) {
        return new ArrivalRecord(
                id,
                controlPoint,
                lane,
                direction,
                vehicleMark,
                decision,
                reasons,
                bundleId,
                ccrns,
                decidedAt,
                reads,
                state,
                overrides,
                repeatReads);
    }

    /** The vehicle was read again while still at the lane: counted with its arrival, never decided again. */
    public ArrivalRecord withRepeatReads(int count) {
        return new ArrivalRecord(
                id,
                controlPoint,
                lane,
                direction,
                vehicleMark,
                decision,
                reasons,
                bundleId,
                ccrns,
                decidedAt,
                reads,
                gateState,
                overrides,
                count);
    }

    public ArrivalRecord overridden(
            String mark,
            Verdict to,
            List<ReasonCode> newReasons,
            String newBundleId,
            List<String> newCcrns,
            Override override) {
        List<Override> all = new java.util.ArrayList<>(overrides);
        all.add(override);
        // The gate has not answered the new decision yet: an earlier "CLOSED" must not read as
        // the gate's answer to an override's RELEASE.
        return new ArrivalRecord(
                id,
                controlPoint,
                lane,
                direction,
                mark,
                to,
                newReasons,
                newBundleId,
                newCcrns,
                override.at(),
                reads,
                null,
                all,
                repeatReads);
    }
}
