package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Drives one run: sends each planned arrival's reads when it is due (open loop: never waiting for
 * an earlier answer), plays every lane's gate (acknowledging each decision), times each arrival
 * from when its reads were due to when its decision reached the gate, and, against the engine,
 * has the {@link Oracle} judge every decision. Against the floor server ({@code oracle == null})
 * an arrival is done when each of its plate and tag reads has been echoed to the gate.
 *
 * <p>Each lane's arrivals in flight are a queue (a lane with tags holds one vehicle at a time, see
 * {@link LaneDispatch}; a plate-only lane's plates go out in order on one camera); a decision is
 * matched by the vehicle it names, an unidentified one to the oldest unidentified arrival. Late
 * frames ({@link LateFrames}) and the dropping gate ({@link LaneGates}) are played here too; a
 * decision at a lane without its gate is heard from the lane's devices ({@link #onDevice}).
 */
final class LaneRun {

    static final int WRONG_KEPT = 10;
    static final int PROBLEMS_KEPT = 10;

    final List<LaneInfo> lanes;
    private final ArrivalSchedule schedule;
    private final VehiclePools pools;
    final Oracle oracle;
    private final Map<String, Double> rates;
    private final int confidenceThreshold;
    final SplittableRandom random;
    private final List<ConcurrentLinkedDeque<InFlight>> inFlight = new ArrayList<>();
    private final LaneGates gates;
    private final LanePresence[] presence;
    final LateFrames lateFrames;

    private final Histogram all = new Histogram(3);
    private final Histogram complete = new Histogram(3);
    private final Histogram waiting = new Histogram(3);
    /** Measured RELEASEs: the tag leaving (reader emulator or socket) to the boom's command (coil write, or RELEASE at the gate socket). */
    private final Histogram tagToBoom = new Histogram(3);
    /** Trucks at lanes with an emulated Modbus gate, and what those gates saw; null without such lanes. */
    private BoomTraffic boom;

    private BoomOracle boomOracle;
    /** Per lane: what still keeps the lane taken after a decision (the truck under an emulated boom, a late frame). */
    private final AtomicInteger[] laneHolders;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sentMeasured = new AtomicLong();
    private final AtomicLong decided = new AtomicLong();
    private final AtomicLong decidedMeasured = new AtomicLong();
    private final AtomicLong wrong = new AtomicLong();
    private final AtomicLong warmupWrong = new AtomicLong();
    private final AtomicLong starved = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong holds = new AtomicLong();
    private volatile ReadSender sender;
    final AtomicInteger open = new AtomicInteger();
    private final Map<String, Long> outcomes = new ConcurrentHashMap<>();
    private final List<String> wrongKept = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong problemCount = new AtomicLong();
    private final RandomSelectionCheck randomCheck = new RandomSelectionCheck();
    private final LaneDispatch dispatch;
    final RuleTally tally = new RuleTally();
    private volatile long startNanos;
    private TopologyTally topology;
    private java.util.function.LongConsumer startListener = start -> {};

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
        this.pools = pools;
        this.oracle = oracle;
        this.rates = rates;
        this.confidenceThreshold = confidenceThreshold;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.gates = new LaneGates(lanes, this::onGate, this::problem);
        this.presence = new LanePresence[lanes.size()];
        this.laneHolders = new AtomicInteger[lanes.size()];
        this.lateFrames = new LateFrames(this);
        this.dispatch = new LaneDispatch(lanes, schedule, p -> send(sender, p), () -> startNanos);
        for (int i = 0; i < lanes.size(); i++) {
            inFlight.add(new ConcurrentLinkedDeque<>());
            presence[i] = new LanePresence(presenceWindow.toNanos());
            laneHolders[i] = new AtomicInteger();
        }
    }

    /**
     * The lanes whose gates are the engine's own (emulated Modbus gates, null for a lane with a gate
     * socket): their trucks drive over the gate's loop and under its boom, their decisions are heard on
     * the lane stream, and the {@link BoomOracle} judges the gates. Before {@link #connectGates}.
     */
    void driveBooms(List<hk.seamless.lanesim.devices.ModbusGateEmulator> emulated) {
        boomOracle = new BoomOracle(lanes.stream().map(LaneInfo::id).toList());
        boom = new BoomTraffic(emulated, boomOracle, this::problem, this::boomRaised);
        for (int i = 0; i < lanes.size(); i++) {
            if (emulated.get(i) != null) {
                gates.drive(i);
            }
        }
    }

    /** A coil write at an emulated gate: timed from the tag of the truck on the loop, when it is measured. */
    private void boomRaised(int lane, Object truck, long nanos) {
        if (truck instanceof InFlight f && !f.plan.warmup() && f.tagSentNanos != 0) {
            synchronized (all) {
                tagToBoom.recordValue(Math.max(0, (nanos - f.tagSentNanos) / 1_000));
            }
        }
    }

    /** Something that kept the lane taken is over (its truck has left, its late frame answered): the next may come once none is left. */
    void freeLane(int lane) {
        if (laneHolders[lane].get() > 0 && laneHolders[lane].decrementAndGet() > 0) {
            return;
        }
        dispatch.freeLane(lane);
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
     * evidence says of bundles made during the run. Before {@link #run}.
     */
    void countPerControlPoint(TopologyTally tally) {
        this.topology = tally;
    }

    /** Called with the run's start ({@code System.nanoTime()} of the first arrival's due time) as it starts. */
    void onStart(java.util.function.LongConsumer listener) {
        this.startListener = listener;
    }

    void problem(String text) {
        problemCount.incrementAndGet();
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(text);
        }
    }

    RunResult run(ReadSender sender, long drainNanos, PrintStream progress, String label, long measuredNanos) {
        startNanos = System.nanoTime() + 200_000_000L;
        startListener.accept(startNanos);
        Thread ticker = new Thread(() -> progressLoop(progress, label), "progress");
        ticker.setDaemon(true);
        ticker.start();
        this.sender = sender;
        startGateDrop();
        for (ArrivalSchedule.Planned p : schedule.arrivals()) {
            waitUntil(startNanos + p.dueNanos());
            if (p.scenario().tagRead) {
                dispatch.due(p);
            } else {
                send(sender, p);
            }
        }
        long lastDue = startNanos
                + (schedule.arrivals().isEmpty()
                        ? 0
                        : schedule.arrivals()
                                .get(schedule.arrivals().size() - 1)
                                .dueNanos());
        long deadline = Math.max(System.nanoTime(), lastDue) + drainNanos;
        while ((open.get() > 0 || dispatch.anyWaiting()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000L);
        }
        if (boom != null) {
            try {
                boom.awaitPassed(BoomTraffic.BOOM_WAIT_MILLIS + BoomTraffic.SETTLE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ticker.interrupt();
        lateFrames.close();
        List<String> undecided = new ArrayList<>();
        for (ConcurrentLinkedDeque<InFlight> lane : inFlight) {
            lane.forEach(f -> undecided.add(f.summary()));
        }
        long neverSent = dispatch.stillWaiting();
        if (oracle != null) {
            undecided.forEach(summary -> {
                wrong.incrementAndGet();
                keepWrong("no decision reached the gate: " + summary);
            });
            if (topology != null) {
                for (int i = 0; i < inFlight.size(); i++) {
                    String cp = lanes.get(i).controlPoint();
                    inFlight.get(i).forEach(f -> topology.undecided(cp));
                }
            }
        }
        gates.close();
        sender.close();
        if (boom != null) {
            boom.close();
        }
        printProgress(progress, label);
        long measuredDecided = decidedMeasured.get();
        double seconds = measuredNanos / 1e9;
        return new RunResult(
                label,
                sentMeasured.get(),
                sent.get() - sentMeasured.get(),
                measuredDecided,
                wrong.get(),
                warmupWrong.get(),
                List.copyOf(wrongKept),
                new TreeMap<>(outcomes),
                copy(all),
                copy(complete),
                copy(waiting),
                measuredDecided / seconds,
                starved.get(),
                unmatched.get(),
                holds.get(),
                undecided.size(),
                dispatch.moved.get(),
                dispatch.queued.get(),
                neverSent,
                problemCount.get(),
                List.copyOf(problems),
                oracle == null ? null : randomCheck,
                tally,
                copy(tagToBoom),
                boomOracle == null ? null : boomOracle.finish());
    }

    private void startGateDrop() {
        int lane = schedule.gateDropLane();
        if (lane >= 0 && oracle != null) { // the floor echoes reads whatever the gate: nothing to drop
            gates.startDropping(lane, dispatch, tally.gateDrops);
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

    /** @return whether the arrival went out (false: no vehicle free) */
    private boolean send(ReadSender sender, ArrivalSchedule.Planned p) {
        LaneInfo lane = lanes.get(p.lane());
        long nowNanos = System.nanoTime();
        SimVehicle[] vehicles = pools.take(p.scenario(), lane.direction(), presence[p.lane()].present(nowNanos));
        if (vehicles == null) {
            starved.incrementAndGet();
            return false;
        }
        Instant now = Instant.now();
        Scenario scenario = p.scenario();
        SimVehicle plateVehicle = vehicles[0];
        SimVehicle tagVehicle = scenario == Scenario.MISMATCH ? vehicles[1] : vehicles[0];
        List<LaneMessages.PlateSeen> frames;
        synchronized (random) { // sends come from the scheduler and, for queued arrivals, gate threads
            frames = scenario == Scenario.MULTIFRAME
                    ? LaneMessages.frames(plateVehicle, random)
                    : List.of(LaneMessages.plateSeen(scenario, plateVehicle, random, confidenceThreshold));
        }
        List<String> plates = frames.stream()
                .map(seen -> LaneMessages.plate(seen, now, sender.stream()))
                .toList();
        String tag = scenario.tagRead ? LaneMessages.tag(tagVehicle.epc, now, sender.stream()) : null;
        boolean gateUp = gates.connected(p.lane());
        Oracle.Expectation expected =
                oracle == null ? null : oracle.expect(scenario, plateVehicle, tagVehicle, now, gateUp);
        if (expected != null && plateVehicle.made != null) {
            // Bundled at the registry during the run: what the lane engine knew of it is settled when it decides.
            expected = expected.doubtful(new Oracle.Doubt(plateVehicle.made, lane.controlPoint(), nowNanos));
        }
        // Read only when something went wrong (or for a boom lane): built then, not on every send.
        String vehicleText = plateVehicle.toString();
        Supplier<String> summary = () -> scenario.label() + " #" + p.index() + " on " + lane.id() + ": plate "
                + String.join(
                        " / ",
                        frames.stream()
                                .map(seen -> seen.text() + " (" + LaneMessages.oneDecimal(seen.confidence()) + ")")
                                .toList())
                + (tag == null ? ", no tag" : ", tag of " + tagVehicle.display)
                + (scenario.emptyPress ? ", EMPTY pressed" : "")
                + (gateUp ? "" : ", gate disconnected") + ", vehicle " + vehicleText;
        // Against the engine one decision per arrival; the floor echoes every plate and tag read.
        int outstanding = oracle != null ? 1 : plates.size() + (tag == null ? 0 : 1);
        InFlight f = new InFlight(p, vehicles, expected, outstanding, summary);
        inFlight.get(p.lane()).add(f);
        presence[p.lane()].arrived(vehicles, nowNanos);
        if (boom != null && boom.plays(p.lane())) {
            boom.arrives(p.lane(), f, f.summary());
        }
        open.incrementAndGet();
        sent.incrementAndGet();
        tally.of(scenario).sent.incrementAndGet();
        if (!p.warmup()) {
            sentMeasured.incrementAndGet();
        }
        Runnable reads = () -> {
            plates.forEach(plate -> sender.plate(p.lane(), plate));
            if (tag != null) {
                f.tagSentNanos = System.nanoTime();
                sender.tag(p.lane(), tag);
            }
        };
        if (scenario.emptyPress) {
            // The press must be in before the reads that complete the arrival: the reads follow its acceptance.
            sender.empty(p.lane(), LaneMessages.empty(now, sender.stream()), reads);
        } else {
            reads.run();
        }
        return true;
    }

    /** A gate message: acknowledge a decision, then judge it. */
    void onGate(int lane, String text) {
        JsonObject message = new JsonObject(text);
        Decision d = Decision.from(message);
        if (d == null) {
            if ("hold".equals(message.getValue("kind")) || "HOLD".equals(message.getValue("decision"))) {
                holds.incrementAndGet();
            }
            problem(lanes.get(lane).id() + " gate heard: " + Excerpt.of(text));
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
                problem(lanes.get(lane).id() + " device heard: " + Excerpt.of(body));
                return;
            }
            if (d != null) {
                onDecision(lane, d);
            }
        }
    }

    /**
     * A decision for one of the lane's arrivals in flight: the one expected to name the vehicle the
     * decision names, else, for an UNIDENTIFIED_VEHICLE decision, the oldest one whose vehicle
     * cannot be foreseen (against the floor, the oldest one). A decision naming no vehicle in flight finds nothing: the arrival
     * it was meant for then never gets its decision and is counted wrong at the end.
     */
    private void onDecision(int lane, Decision d) {
        long now = System.nanoTime();
        boolean atGateSocket = !gates.driven(lane) && gates.connected(lane);
        InFlight f = null;
        ConcurrentLinkedDeque<InFlight> queue = inFlight.get(lane);
        synchronized (queue) {
            if (d.vehicleMark() != null) {
                for (InFlight candidate : queue) {
                    if (candidate.expected != null && d.vehicleMark().equals(candidate.expected.mark())) {
                        f = candidate;
                        break;
                    }
                }
            }
            if (f == null) {
                // Unidentified arrivals are decided in the order they came (one camera, in order). A
                // decision of anything else naming no vehicle in flight is nobody's: it finds nothing.
                boolean unidentified = d.reasons().contains("UNIDENTIFIED_VEHICLE");
                for (InFlight candidate : queue) {
                    if (candidate.expected == null || (unidentified && candidate.expected.mark() == null)) {
                        f = candidate;
                        break;
                    }
                }
            }
            if (f == null) {
                if (oracle != null && queue.isEmpty() && lateFrames.decidedWhilePending(lane, d)) {
                    return;
                }
                unmatched.incrementAndGet();
                if (oracle != null) {
                    problem("a decision for no arrival in flight on "
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
                synchronized (all) {
                    all.recordValue(latencyMicros);
                    (scenario.tagRead ? complete : waiting).recordValue(latencyMicros);
                }
            }
            if (atGateSocket && Oracle.RELEASE.equals(d.decision()) && f.tagSentNanos != 0) {
                synchronized (all) {
                    tagToBoom.recordValue(Math.max(0, (now - f.tagSentNanos) / 1_000));
                }
            }
            decidedMeasured.incrementAndGet();
            outcomes.merge(d.decision(), 1L, Long::sum);
            tally.decided(d);
        }
        decided.incrementAndGet();
        tally.of(scenario).decided.incrementAndGet();
        boolean right = oracle == null || judged(lane, f, d, now, measured, scenario);
        // The floor's decisions are all fake RELEASEs that use nothing up.
        pools.giveBack(
                scenario,
                lanes.get(lane).direction(),
                f.vehicles,
                oracle != null && Oracle.RELEASE.equals(d.decision()));
        boolean late = oracle != null && right && scenario == Scenario.REPEAT && d.arrivalId() != null;
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
        open.decrementAndGet();
        if (scenario.tagRead && !underBoom) {
            freeLane(lane);
        }
    }

    /**
     * Holds a decision against the rules (the oracle's expectation as it stands now), counts a wrong
     * one, adds a right one to the random-selection check and, across control points, the topology's
     * tally.
     *
     * @return whether the decision was right
     */
    private boolean judged(int lane, InFlight f, Decision d, long now, boolean measured, Scenario scenario) {
        boolean right = true;
        Oracle.Expectation expected = oracle.settle(f.expected, now);
        String why = Oracle.wrongness(expected, d);
        if (why != null) {
            right = false;
            FeedTimeline.Knowledge k = oracle.knowledge(f.expected, now);
            wrong(
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

    void wrong(boolean measured, Scenario scenario, String text) {
        (measured ? wrong : warmupWrong).incrementAndGet();
        tally.of(scenario).wrong.incrementAndGet();
        keepWrong(text);
    }

    /** Whether the lane's plates must reach the engine in the order sent: a plate-only lane's, where each closes the one before. */
    boolean platesInOrder(int lane) {
        return schedule.plateOnlyLanes().contains(lane);
    }

    void lateFrameSent(int lane) {
        presence[lane].seenAgain(System.nanoTime());
    }

    ReadSender sender() {
        return sender;
    }

    private void keepWrong(String text) {
        if (wrongKept.size() < WRONG_KEPT) {
            wrongKept.add(text);
        }
    }

    private void progressLoop(PrintStream out, String label) {
        try {
            while (true) {
                Thread.sleep(1000);
                printProgress(out, label);
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    private void printProgress(PrintStream out, String label) {
        String p99;
        String p99Complete;
        synchronized (all) {
            p99 = p99Text(all);
            p99Complete = p99Text(complete);
        }
        out.printf(
                Locale.ROOT,
                "%-6s t=%5.1fs sent %7d decided %7d in flight %5d wrong %d p99 %s (tag+plate arrivals %s)%s%n",
                label,
                (System.nanoTime() - startNanos) / 1e9,
                sent.get(),
                decided.get(),
                open.get(),
                wrong.get() + warmupWrong.get(),
                p99,
                p99Complete,
                (starved.get() > 0 ? " starved " + starved.get() : "")
                        + (dispatch.queued.get() > 0 ? " sent late " + dispatch.queued.get() : ""));
    }

    /**
     * The 99th percentile so far, in ms; during warm-up nothing is measured yet, and "0.000 ms"
     * would read as an impossibly fast engine, so it says so instead.
     */
    static String p99Text(Histogram micros) {
        return micros.getTotalCount() == 0
                ? "- (none measured yet)"
                : LatencySummary.format(micros.getValueAtPercentile(99) / 1000.0) + " ms";
    }

    private Histogram copy(Histogram h) {
        synchronized (all) {
            return h.copy();
        }
    }
}
