package hk.seamless.lanesim;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Drives one run: sends each planned arrival's reads when it is due (open loop: never waiting for
 * an earlier answer), plays every lane's gate (acknowledging each decision), times each arrival
 * from when its reads were due to when its decision reached the gate, and, against the engine,
 * has the {@link Oracle} judge every decision. Against the floor server ({@code oracle == null})
 * an arrival is done when each of its plate and tag reads has been echoed to the gate.
 *
 * <p>This class paces the schedule, drains the run and gathers its {@link RunResult}; the work is
 * done by its parts, each on the threads that do it:
 *
 * <ul>
 *   <li>{@link ArrivalSender}: one arrival's vehicles, reads and expected decision, sent;
 *   <li>{@link LaneDispatch}: an arrival with a tag waits for a lane without a vehicle;
 *   <li>{@link ArrivalsInFlight}: each lane's arrivals sent and not yet decided;
 *   <li>{@link LaneDecisions}: a decision heard at a gate or a lane's devices closes its arrival;
 *   <li>{@link DecisionJudge}: the decision held against the rules;
 *   <li>{@link LaneGates}, {@link BoomTraffic}, {@link LateFrames}: the gates (one of them dropping),
 *       the trucks under emulated booms, the late frames after REPEAT decisions;
 *   <li>{@link RunCounts}, {@link RunLatencies}, {@link RunProgress}: what the run counted and
 *       measured, and the line it prints every second.
 * </ul>
 */
final class LaneRun {

    final List<LaneInfo> lanes;
    private final ArrivalSchedule schedule;
    final Oracle oracle;
    final SplittableRandom random;

    final RunCounts counts = new RunCounts();
    private final RunLatencies latencies = new RunLatencies();
    private final ArrivalsInFlight inFlight;
    private final DecisionJudge judge;
    private final LaneDecisions decisions;
    private final LaneGates gates;
    private final ArrivalSender arrivals;
    private final LaneDispatch dispatch;
    final LateFrames lateFrames;

    /** Trucks at lanes with an emulated Modbus gate, and what those gates saw; null without such lanes. */
    private BoomTraffic boom;

    private BoomOracle boomOracle;
    private volatile long startNanos;
    private LongConsumer startListener = start -> {};

    LaneRun(
            List<LaneInfo> lanes,
            ArrivalSchedule schedule,
            VehiclePools pools,
            Oracle oracle,
            Map<String, Double> rates,
            long seed) {
        this(
                lanes,
                schedule,
                pools,
                oracle,
                rates,
                seed,
                EngineSettings.DEFAULT_CONFIDENCE_THRESHOLD,
                EngineSettings.DEFAULT_PRESENCE_WINDOW);
    }

    LaneRun(
            List<LaneInfo> lanes,
            ArrivalSchedule schedule,
            VehiclePools pools,
            Oracle oracle,
            Map<String, Double> rates,
            long seed,
            int confidenceThreshold,
            Duration presenceWindow) {
        this.lanes = lanes;
        this.schedule = schedule;
        this.oracle = oracle;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        LanePresence[] presence = new LanePresence[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            presence[i] = new LanePresence(presenceWindow.toNanos());
        }
        this.inFlight = new ArrivalsInFlight(lanes.size());
        this.lateFrames = new LateFrames(this);
        this.judge = oracle == null ? null : new DecisionJudge(lanes, oracle, rates, counts);
        this.decisions = new LaneDecisions(lanes, judge, inFlight, pools, counts, latencies, lateFrames);
        this.gates = new LaneGates(lanes, decisions::onGate, counts::problem);
        this.arrivals =
                new ArrivalSender(lanes, pools, oracle, confidenceThreshold, random, presence, gates, inFlight, counts);
        this.dispatch = new LaneDispatch(lanes, schedule, arrivals::send, () -> startNanos);
        decisions.playAt(gates, dispatch);
    }

    /**
     * The lanes whose gates are the engine's own (emulated Modbus gates, null for a lane with a gate
     * socket): their trucks drive over the gate's loop and under its boom, their decisions are heard on
     * the lane stream, and the {@link BoomOracle} judges the gates. Before {@link #connectGates}.
     */
    void driveBooms(List<hk.seamless.lanesim.devices.ModbusGateEmulator> emulated) {
        boomOracle = new BoomOracle(lanes.stream().map(LaneInfo::id).toList());
        boom = new BoomTraffic(emulated, boomOracle, counts::problem, latencies::boomRaised);
        arrivals.playBooms(boom);
        decisions.playBooms(boom);
        for (int i = 0; i < lanes.size(); i++) {
            if (emulated.get(i) != null) {
                gates.drive(i);
            }
        }
    }

    /** Something that kept the lane taken is over (its truck has left, its late frame answered): the next may come once none is left. */
    void freeLane(int lane) {
        decisions.freeLane(lane);
    }

    /** Opens one gate socket per lane. */
    void connectGates(LaneSockets sockets, URI base, DeviceTokens tokens) throws Exception {
        gates.connectAll(sockets, LaneBases.single(base), tokens);
    }

    /** Opens one gate socket per lane, at the engine serving it. */
    void connectGates(LaneSockets sockets, LaneBases bases, DeviceTokens tokens) throws Exception {
        gates.connectAll(sockets, bases, tokens);
    }

    /**
     * Counts the run per control point (a run over lane engines), with what the oracle's feed
     * evidence says of bundles made during the run. Before {@link #run}; against the engine only.
     */
    void countPerControlPoint(TopologyTally tally) {
        if (judge != null) { // the floor's fake decisions are not counted
            judge.countPerControlPoint(tally);
        }
    }

    /** Called with the run's start ({@code System.nanoTime()} of the first arrival's due time) as it starts. */
    void onStart(LongConsumer listener) {
        this.startListener = listener;
    }

    void problem(String text) {
        counts.problem(text);
    }

    /**
     * What a lane's devices heard. Decisions at a lane whose gate is disconnected reach only the
     * devices (the answer to the completing read, or the lane stream).
     */
    void onDevice(int lane, int status, String body) {
        decisions.onDevice(lane, status, body);
    }

    /** Whether the lane's plates must reach the engine in the order sent: a plate-only lane's, where each closes the one before. */
    boolean platesInOrder(int lane) {
        return schedule.plateOnlyLanes().contains(lane);
    }

    void lateFrameSent(int lane) {
        arrivals.lateFrameSent(lane);
    }

    RunResult run(ReadSender sender, long drainNanos, PrintStream progress, String label, long measuredNanos) {
        startNanos = System.nanoTime() + 200_000_000L;
        decisions.startAt(startNanos);
        startListener.accept(startNanos);
        RunProgress ticker = new RunProgress(counts, latencies, dispatch.queued, () -> startNanos, progress, label);
        ticker.start();
        arrivals.sendWith(sender);
        startGateDrop();
        for (ArrivalSchedule.Planned p : schedule.arrivals()) {
            waitUntil(startNanos + p.dueNanos());
            if (p.scenario().tagRead) {
                dispatch.due(p);
            } else {
                arrivals.send(p);
            }
        }
        drain(drainNanos);
        ticker.stop();
        lateFrames.close();
        List<String> undecided = new ArrayList<>();
        inFlight.forEach(f -> undecided.add(f.summary()));
        long neverSent = dispatch.stillWaiting();
        if (judge != null) {
            undecided.forEach(judge::noDecision);
            judge.countUndecided(inFlight);
        }
        gates.close();
        sender.close();
        if (boom != null) {
            boom.close();
        }
        ticker.print();
        return result(label, measuredNanos, undecided.size(), neverSent);
    }

    private void startGateDrop() {
        int lane = schedule.gateDropLane();
        if (lane >= 0 && oracle != null) { // the floor echoes reads whatever the gate: nothing to drop
            gates.startDropping(lane, dispatch, counts.tally.gateDrops);
        }
    }

    private static void waitUntil(long due) {
        while (true) {
            long left = due - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(Math.min(left, 50_000_000L));
        }
    }

    /**
     * Waits, up to {@code drainNanos} after the last arrival was due, for every arrival to be done
     * and every queued one sent; then for the trucks under emulated booms to have left.
     */
    private void drain(long drainNanos) {
        long lastDue = startNanos
                + (schedule.arrivals().isEmpty()
                        ? 0
                        : schedule.arrivals()
                                .get(schedule.arrivals().size() - 1)
                                .dueNanos());
        long deadline = Math.max(System.nanoTime(), lastDue) + drainNanos;
        while ((counts.open.get() > 0 || dispatch.anyWaiting()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000L);
        }
        if (boom != null) {
            try {
                boom.awaitPassed(BoomTraffic.BOOM_WAIT_MILLIS + BoomTraffic.SETTLE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private RunResult result(String label, long measuredNanos, long undecided, long neverSent) {
        long measuredDecided = counts.decidedMeasured.get();
        double seconds = measuredNanos / 1e9;
        return new RunResult(
                label,
                counts.sentMeasured.get(),
                counts.sent.get() - counts.sentMeasured.get(),
                measuredDecided,
                counts.wrong.get(),
                counts.warmupWrong.get(),
                counts.wrongExamples(),
                new TreeMap<>(counts.outcomes),
                latencies.all(),
                latencies.complete(),
                latencies.waiting(),
                measuredDecided / seconds,
                counts.starved.get(),
                counts.unmatched.get(),
                counts.holds.get(),
                undecided,
                dispatch.moved.get(),
                dispatch.queued.get(),
                neverSent,
                counts.problemCount(),
                counts.problems(),
                judge == null ? null : judge.randomCheck(),
                counts.tally,
                latencies.tagToBoom(),
                boomOracle == null ? null : boomOracle.finish());
    }
}
