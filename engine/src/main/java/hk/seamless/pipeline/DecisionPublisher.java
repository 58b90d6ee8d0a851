package hk.seamless.pipeline;

import hk.seamless.gate.LaneHub;
import hk.seamless.lane.BundleAtLane;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publish: the decision goes to the lane's gate first (the truck is waiting), then to the read that
 * completed the arrival, the lane's device streams and the consoles; then it is journalled, and a
 * RELEASE is reported to the registry as a crossing.
 */
final class DecisionPublisher {

    private final LaneHub hub;
    private final ArrivalRecords records;
    private final DecisionJournal journal;
    private final ReleasedBundles released;
    private final CrossingReporter crossings;
    private final long releaseValidityMillis;
    private final Timer latency;
    private final Map<Verdict, Counter> decisions = new EnumMap<>(Verdict.class);
    private final DecisionMetrics byLane;
    private final DecisionJson json = new DecisionJson();

    DecisionPublisher(
            LaneHub hub,
            ArrivalRecords records,
            DecisionJournal journal,
            ReleasedBundles released,
            CrossingReporter crossings,
            long releaseValidityMillis,
            MeterRegistry metrics) {
        this.hub = hub;
        this.records = records;
        this.journal = journal;
        this.released = released;
        this.crossings = crossings;
        this.releaseValidityMillis = releaseValidityMillis;
        this.latency = Timer.builder("seamless_pipeline_latency")
                .description("last read into the ring to decision handed to the gate")
                .publishPercentiles(0.5, 0.9, 0.99, 0.999)
                .register(metrics);
        for (Verdict v : Verdict.values()) {
            decisions.put(
                    v,
                    Counter.builder("seamless_decisions")
                            .tag("decision", v.name())
                            .description("arrivals decided")
                            .register(metrics));
        }
        this.byLane = new DecisionMetrics(metrics);
    }

    /** Makes every lane's meters now, before the first truck (see {@link DecisionMetrics}). */
    void registerLanes(List<hk.seamless.config.Lane> lanes) {
        byLane.registerAll(lanes);
    }

    void publish(Arrival arrival) {
        ArrivalRecord record = snapshot(arrival);
        // Recorded before anyone hears of it, so that whoever is told can look it up at once.
        records.add(record);
        String message = json.decision(record, releaseValidityMillis);
        // In the lane log before the gate hears it: a process killed a moment after a RELEASE must
        // still know (and a lane engine still report) that the truck was let through. A write to
        // the operating system, not a wait for the disk: microseconds on the way to the gate.
        journal.decidedNow(record);
        hub.holdLifted(arrival.laneIndex);
        hub.toGates(arrival.laneIndex, message);
        if (arrival.completingOrigin != null) {
            arrival.completingOrigin.decided(message);
        }
        long latencyNanos = -1;
        if (arrival.completingOrigin != null) {
            // Only arrivals a read completed: one decided when its fusion window ran out waited on
            // purpose, and that wait is the rules', not the pipeline's.
            latencyNanos = System.nanoTime() - arrival.lastReadNanos;
            latency.record(latencyNanos, TimeUnit.NANOSECONDS);
        }
        decisions.get(record.decision()).increment();
        byLane.decided(arrival.lane, arrival.laneIndex, record.decision(), record.reasons(), latencyNanos);
        hub.toStreams(arrival.laneIndex, message);
        hub.toConsoles(message);
        if (record.decision() == Verdict.RELEASE && arrival.hasBundle) {
            released.add(arrival.bundle.idHash(), arrival.decidedAtMillis);
            crossings.crossed(
                    record.bundleId(), record.controlPoint(), record.lane(), record.id(), arrival.decidedAtMillis);
        }
    }

    /** A further read of a vehicle decided and still at the lane: counted with its arrival, journalled. */
    void repeat(Arrival arrival, LaneEventType read, long atMillis) {
        ArrivalRecord record = records.find(arrival.id);
        if (record != null) {
            records.replace(record.withRepeatReads(arrival.repeatReads));
        }
        journal.repeatRead(arrival.id, arrival.lane.id(), read, atMillis);
    }

    /**
     * After an override: the consoles hear it, and a RELEASE still crosses once. The lane's gate and
     * streams hear it only while the vehicle is still at the lane: a RELEASE sent later would raise
     * the boom for whoever is under it then. Done once a RELEASE's crossing is recorded.
     */
    CompletableFuture<?> republish(int laneIndex, ArrivalRecord record, long atMillis, boolean vehicleAtLane) {
        records.replace(record);
        journal.overriddenNow(record); // before the gate hears it, as a decision is
        if (vehicleAtLane) {
            String message = json.decision(record, releaseValidityMillis);
            hub.toGates(laneIndex, message);
            hub.toStreams(laneIndex, message);
        }
        // Consoles see it as an override, with who, why and the inspection result.
        hub.toConsoles(DecisionMessages.detail(record, releaseValidityMillis)
                .put("kind", "override")
                .encode());
        if (record.decision() == Verdict.RELEASE && record.bundleId() != null) {
            long hash =
                    BundleAtLane.hash(record.bundleId(), 0, record.bundleId().length());
            if (!released.contains(hash)) {
                released.add(hash, atMillis);
                return crossings.crossed(
                        record.bundleId(), record.controlPoint(), record.lane(), record.id(), atMillis);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Whether this lane side has released the bundle (any arrival). Pipeline thread. */
    boolean released(String bundleId) {
        return released.contains(BundleAtLane.hash(bundleId, 0, bundleId.length()));
    }

    /**
     * What is kept of the arrival once decided. This, and the message built from it, are the
     * allocations of a decision: the steps before publish allocate nothing.
     */
    static ArrivalRecord snapshot(Arrival a) {
        List<ArrivalRecord.Candidate> candidates = new ArrayList<>(a.plate.candidateCount());
        for (int i = 0; i < a.plate.candidateCount(); i++) {
            candidates.add(
                    new ArrivalRecord.Candidate(a.plate.candidate(i).toString(), a.plate.candidateConfidence(i)));
        }
        ArrivalRecord.Reads reads = new ArrivalRecord.Reads(
                a.hasPlate ? a.plate.plate().toString() : null,
                a.hasPlate ? a.plate.confidence() : 0,
                candidates,
                a.hasTag ? a.epc.toString() : null,
                a.emptyPressed);
        String bundleId = null;
        List<String> ccrns = List.of();
        if (a.hasBundle) {
            StringBuilder text = new StringBuilder(32);
            a.bundle.id(text);
            bundleId = text.toString();
            ccrns = new ArrayList<>(a.bundle.ccrnCount());
            for (int i = 0; i < a.bundle.ccrnCount(); i++) {
                a.bundle.ccrn(i, text);
                ccrns.add(text.toString());
            }
        }
        return new ArrivalRecord(
                a.id,
                a.lane.controlPoint(),
                a.lane.id(),
                a.lane.direction().name(),
                a.vehicleMark.length() == 0 ? null : a.vehicleMark.toString(),
                a.verdict,
                new ArrayList<>(a.reasons),
                bundleId,
                ccrns,
                Instant.ofEpochMilli(a.decidedAtMillis),
                reads,
                null,
                List.of(),
                a.repeatReads);
    }
}
