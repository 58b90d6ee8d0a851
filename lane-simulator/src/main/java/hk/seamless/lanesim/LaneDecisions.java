package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each decision heard at a lane closes the arrival in flight it is for: it is heard at the lane's
 * gate socket (and acknowledged there), or, at a lane whose gate is disconnected or driven by the
 * engine itself, from the lane's devices. The arrival's latency is recorded, the decision is judged
 * ({@link DecisionJudge}, against the engine), its vehicles go back to the pools, and the lane is
 * freed for the next arrival once nothing keeps it taken (a truck still under an emulated boom, a
 * late frame still to be answered). Called on the gate, lane-stream and HTTP threads: the run's
 * other hot path.
 *
 * <p>Against the floor ({@code judge == null}) every plate and tag read is echoed as a fake
 * RELEASE, so an arrival is done when each of its reads has come back.
 */
final class LaneDecisions {

    private final List<LaneInfo> lanes;
    /** Null against the floor. */
    private final DecisionJudge judge;

    private final ArrivalsInFlight inFlight;
    private final VehiclePools pools;
    private final RunCounts counts;
    private final RunLatencies latencies;
    private final LateFrames lateFrames;
    /** Per lane: what still keeps the lane taken after a decision (the truck under an emulated boom, a late frame). */
    private final AtomicInteger[] laneHolders;

    /*
     * The gates call onGate, a decision is acknowledged at the gates and frees its lane for the
     * dispatch, which sends the next arrival: a cycle, closed once by playAt before the run starts.
     */
    private LaneGates gates;
    private LaneDispatch dispatch;
    /** Trucks at lanes with an emulated Modbus gate; null without such lanes. Set before the run. */
    private BoomTraffic boom;
    /** The run's start ({@code System.nanoTime()}): arrivals are due from it. */
    private volatile long startNanos;

    LaneDecisions(
            List<LaneInfo> lanes,
            DecisionJudge judge,
            ArrivalsInFlight inFlight,
            VehiclePools pools,
            RunCounts counts,
            RunLatencies latencies,
            LateFrames lateFrames) {
        this.lanes = lanes;
        this.judge = judge;
        this.inFlight = inFlight;
        this.pools = pools;
        this.counts = counts;
        this.latencies = latencies;
        this.lateFrames = lateFrames;
        this.laneHolders = new AtomicInteger[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            laneHolders[i] = new AtomicInteger();
        }
    }

    /** Where decisions are acknowledged, and which frees the lanes they leave. Once, before the run. */
    void playAt(LaneGates gates, LaneDispatch dispatch) {
        this.gates = gates;
        this.dispatch = dispatch;
    }

    /** A decided truck at an emulated Modbus gate drives off under the boom or to the officers. Before the run. */
    void playBooms(BoomTraffic boom) {
        this.boom = boom;
    }

    void startAt(long startNanos) {
        this.startNanos = startNanos;
    }

    /** A gate message: acknowledge a decision, then judge it. */
    void onGate(int lane, String text) {
        JsonObject message = new JsonObject(text);
        Decision d = Decision.from(message);
        if (d == null) {
            if ("hold".equals(message.getValue("kind")) || "HOLD".equals(message.getValue("decision"))) {
                counts.holds.incrementAndGet();
            }
            counts.problem(lanes.get(lane).id() + " gate heard: " + Excerpt.of(text));
            return;
        }
        gates.acknowledge(lane, d);
        onDecision(lane, d);
    }

    /**
     * What a lane's devices heard. Decisions at a lane whose gate is disconnected reach only the
     * devices (the answer to the completing read, or the lane stream).
     */
    void onDevice(int lane, int status, String body) {
        if ((!gates.connected(lane) || gates.driven(lane)) && (status == 0 || status == 200)) {
            Decision d;
            try {
                d = Decision.parseAtDevice(body);
            } catch (RuntimeException e) {
                counts.problem(lanes.get(lane).id() + " device heard: " + Excerpt.of(body));
                return;
            }
            if (d != null) {
                onDecision(lane, d);
            }
        }
    }

    /**
     * A decision for one of the lane's arrivals in flight ({@link ArrivalsInFlight#meantFor}). A
     * decision naming no vehicle in flight finds nothing: the arrival it was meant for then never
     * gets its decision and is counted wrong at the end.
     */
    private void onDecision(int lane, Decision d) {
        long now = System.nanoTime();
        boolean atGateSocket = !gates.driven(lane) && gates.connected(lane);
        InFlight f;
        ConcurrentLinkedDeque<InFlight> queue = inFlight.of(lane);
        synchronized (queue) {
            f = ArrivalsInFlight.meantFor(queue, d);
            if (f == null) {
                if (judge != null && queue.isEmpty() && lateFrames.decidedWhilePending(lane, d)) {
                    return;
                }
                counts.unmatched.incrementAndGet();
                if (judge != null) {
                    counts.problem("a decision for no arrival in flight on "
                            + lanes.get(lane).id() + ": " + d.text());
                }
                return;
            }
            if (f.outstanding.decrementAndGet() > 0) {
                return;
            }
            queue.remove(f);
        }
        Scenario scenario = f.plan.scenario();
        boolean measured = !f.plan.warmup();
        if (measured) {
            long latencyMicros = Math.max(0, (now - (startNanos + f.plan.dueNanos())) / 1_000);
            // A gatedrop arrival waits out the gate's guard gaps by design: not the engine's latency.
            if (scenario != Scenario.GATEDROP || !gates.dropping()) {
                latencies.decided(latencyMicros, scenario.tagRead);
            }
            if (atGateSocket && Oracle.RELEASE.equals(d.decision()) && f.tagSentNanos != 0) {
                latencies.tagToBoom(Math.max(0, (now - f.tagSentNanos) / 1_000));
            }
            counts.decidedMeasured.incrementAndGet();
            counts.outcomes.merge(d.decision(), 1L, Long::sum);
            counts.tally.decided(d);
        }
        counts.decided.incrementAndGet();
        counts.tally.of(scenario).decided.incrementAndGet();
        boolean againstEngine = judge != null;
        boolean right = !againstEngine || judge.judged(lane, f, d, now, measured, scenario);
        // The floor's decisions are all fake RELEASEs that use nothing up.
        pools.giveBack(
                scenario,
                lanes.get(lane).direction(),
                f.vehicles,
                againstEngine && Oracle.RELEASE.equals(d.decision()));
        boolean late = againstEngine && right && scenario == Scenario.REPEAT && d.arrivalId() != null;
        boolean underBoom = boom != null && boom.plays(lane);
        if (scenario.tagRead || late) {
            laneHolders[lane].set((late ? 1 : 0) + (underBoom ? 1 : 0));
        }
        if (underBoom) {
            // The lane is taken until the truck has left the loop and the boom is down again.
            boom.decided(lane, f, Oracle.RELEASE.equals(d.decision()), f.summary(), () -> freeLane(lane));
        }
        if (late) {
            lateFrames.after(lane, f, d.arrivalId()); // the lane stays taken until the late frame is answered
            return;
        }
        counts.open.decrementAndGet();
        if (scenario.tagRead && !underBoom) {
            freeLane(lane);
        }
    }

    /** Something that kept the lane taken is over (its truck has left, its late frame answered): the next may come once none is left. */
    void freeLane(int lane) {
        if (laneHolders[lane].get() > 0 && laneHolders[lane].decrementAndGet() > 0) {
            return;
        }
        dispatch.freeLane(lane);
    }
}
