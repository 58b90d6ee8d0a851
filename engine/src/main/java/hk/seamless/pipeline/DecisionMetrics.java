package hk.seamless.pipeline;

import hk.seamless.config.Lane;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The decisions as an operator filters them on a dashboard: by lane and control point, by reason,
 * and the pipeline's latency as a histogram with fixed buckets, which Prometheus can add up across
 * lanes and engines and which does not fall to 0 when the lanes are quiet (client-side quantiles
 * over a sliding window do). Every lane's meters are made when the pipeline is built, off any
 * truck's path (made at a lane's first decision, a boundary of 2,000 lanes put 2,000 rounds of
 * registrations on the pipeline thread while its first trucks waited); a decision then allocates
 * nothing here (the pipeline's decision path is measured for allocations).
 *
 * <ul>
 * <li>{@code seamless_lane_decisions_total{control_point, lane, decision}}</li>
 * <li>{@code seamless_decision_reasons_total{control_point, reason}}: each reason given (a decision
 *     may give several)</li>
 * <li>{@code seamless_decision_latency_seconds_bucket{control_point, le}}: last read into the ring
 *     to decision handed to the gate, for arrivals a read completed</li>
 * </ul>
 */
final class DecisionMetrics {

    /** Bucket bounds: the pipeline decides in microseconds; a slow machine or a full ring in ms. */
    private static final Duration[] BUCKETS = {
        Duration.ofNanos(50_000),
        Duration.ofNanos(100_000),
        Duration.ofNanos(250_000),
        Duration.ofNanos(500_000),
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2)
    };

    private final MeterRegistry registry;
    private Counter[][] decisions = new Counter[0][];
    private Counter[][] reasons = new Counter[0][];
    private Timer[] latency = new Timer[0];

    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Before the first decision: each lane's meters, so that no decision pays for making them. */
    void registerAll(List<Lane> lanes) {
        for (int i = 0; i < lanes.size(); i++) {
            if (i >= decisions.length || decisions[i] == null) {
                register(lanes.get(i), i);
            }
        }
    }

    /** On the pipeline thread, once per decision; {@code latencyNanos} below 0: not measured. */
    void decided(Lane lane, int laneIndex, Verdict decision, List<ReasonCode> given, long latencyNanos) {
        if (laneIndex >= decisions.length || decisions[laneIndex] == null) {
            register(lane, laneIndex);
        }
        decisions[laneIndex][decision.ordinal()].increment();
        Counter[] byReason = reasons[laneIndex];
        for (int i = 0; i < given.size(); i++) {
            byReason[given.get(i).ordinal()].increment();
        }
        if (latencyNanos >= 0) {
            latency[laneIndex].record(latencyNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void register(Lane lane, int laneIndex) {
        if (laneIndex >= decisions.length) {
            int size = laneIndex + 1;
            decisions = java.util.Arrays.copyOf(decisions, size);
            reasons = java.util.Arrays.copyOf(reasons, size);
            latency = java.util.Arrays.copyOf(latency, size);
        }
        Counter[] byVerdict = new Counter[Verdict.values().length];
        for (Verdict v : Verdict.values()) {
            byVerdict[v.ordinal()] = Counter.builder("seamless_lane_decisions")
                    .tag("control_point", lane.controlPoint())
                    .tag("lane", lane.id())
                    .tag("decision", v.name())
                    .description("arrivals decided, by lane")
                    .register(registry);
        }
        Counter[] byReason = new Counter[ReasonCode.values().length];
        for (ReasonCode r : ReasonCode.values()) {
            // Registered once per control point: the lanes of one share the meter.
            byReason[r.ordinal()] = Counter.builder("seamless_decision_reasons")
                    .tag("control_point", lane.controlPoint())
                    .tag("reason", r.name())
                    .description("reasons given with decisions")
                    .register(registry);
        }
        decisions[laneIndex] = byVerdict;
        reasons[laneIndex] = byReason;
        latency[laneIndex] = Timer.builder("seamless_decision_latency")
                .tag("control_point", lane.controlPoint())
                .description("last read into the ring to decision handed to the gate (histogram)")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
