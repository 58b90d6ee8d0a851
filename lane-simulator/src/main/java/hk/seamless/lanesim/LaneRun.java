package hk.seamless.lanesim;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one run: sends each planned arrival's reads when it is due (open loop: never waiting for
 * an earlier answer), plays every lane's gate (acknowledging each decision), times each arrival
 * from when its reads were due to when its decision reached the gate, and, against the engine,
 * has the {@link Oracle} judge every decision. Against the floor server ({@code oracle == null})
 * an arrival is done when each of its plate and tag reads has been echoed to the gate.
 */
final class LaneRun {

    static final int WRONG_KEPT = 10;
    static final int PROBLEMS_KEPT = 10;

    private final List<LaneInfo> lanes;
    private final ArrivalSchedule schedule;
    private final VehiclePools pools;
    private final Oracle oracle;
    private final Map<String, Double> rates;
    private final SplittableRandom random;
    private final List<ConcurrentHashMap<String, InFlight>> inFlight = new ArrayList<>();
    private final List<WsConnection> gates = new ArrayList<>();

    private final Histogram all = new Histogram(3);
    private final Histogram complete = new Histogram(3);
    private final Histogram waiting = new Histogram(3);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sentMeasured = new AtomicLong();
    private final AtomicLong decided = new AtomicLong();
    private final AtomicLong decidedMeasured = new AtomicLong();
    private final AtomicLong wrong = new AtomicLong();
    private final AtomicLong warmupWrong = new AtomicLong();
    private final AtomicLong starved = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong holds = new AtomicLong();
    private final AtomicLong moved = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    /** Per lane with tags read: whether a vehicle is at it (sent, not yet decided). */
    private final java.util.concurrent.atomic.AtomicBoolean[] occupied;
    /** Per direction: the lanes taking arrivals with tags, and the arrivals waiting for one of them. */
    private final Map<String, List<Integer>> fullLanes = new java.util.HashMap<>();
    private final Map<String, java.util.concurrent.ConcurrentLinkedQueue<ArrivalSchedule.Planned>> waitingForLane = new java.util.HashMap<>();
    private volatile ReadSender sender;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Long> outcomes = new ConcurrentHashMap<>();
    private final List<String> wrongKept = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong problemCount = new AtomicLong();
    private final RandomSelectionCheck randomCheck = new RandomSelectionCheck();
    private volatile long startNanos;
    private volatile long lastMeasuredDecisionNanos;

    /** One arrival on its way: what was sent, what it must get, when it was due. */
    private static final class InFlight {
        final ArrivalSchedule.Planned plan;
        final SimVehicle[] vehicles;
        final Oracle.Expectation expected;
        final String[] keys;
        final AtomicInteger outstanding;
        final String summary;

        InFlight(ArrivalSchedule.Planned plan, SimVehicle[] vehicles, Oracle.Expectation expected, String[] keys, String summary) {
            this.plan = plan;
            this.vehicles = vehicles;
            this.expected = expected;
            this.keys = keys;
            this.outstanding = new AtomicInteger(keys.length);
            this.summary = summary;
        }
    }

    LaneRun(List<LaneInfo> lanes, ArrivalSchedule schedule, VehiclePools pools, Oracle oracle, Map<String, Double> rates, long seed) {
        this.lanes = lanes;
        this.schedule = schedule;
        this.pools = pools;
        this.oracle = oracle;
        this.rates = rates;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < lanes.size(); i++) {
            inFlight.add(new ConcurrentHashMap<>());
        }
        occupied = new java.util.concurrent.atomic.AtomicBoolean[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            occupied[i] = new java.util.concurrent.atomic.AtomicBoolean();
            waitingForLane.computeIfAbsent(lanes.get(i).direction(), d -> new java.util.concurrent.ConcurrentLinkedQueue<>());
            if (!schedule.plateOnlyLanes().contains(i)) {
                fullLanes.computeIfAbsent(lanes.get(i).direction(), d -> new ArrayList<>()).add(i);
            }
        }
    }

    /**
     * A lane holds one vehicle at a time, as a real lane does: the reads of two vehicles at once
     * (on separate device sockets, in no guaranteed order) would be fused into each other. So an
     * arrival with a tag waits, in its direction's queue, for a lane of that direction without a
     * vehicle, preferring its planned lane; its latency still counts from when it was due, so a
     * queue that forms because decisions are slow is in the figures. (Plate-only lanes are busy by
     * design: each next plate closes the waiting arrival.)
     */
    private void dispatch(String direction) {
        java.util.concurrent.ConcurrentLinkedQueue<ArrivalSchedule.Planned> queue = waitingForLane.get(direction);
        List<Integer> candidates = fullLanes.get(direction);
        while (!queue.isEmpty()) {
            ArrivalSchedule.Planned head = queue.peek();
            if (head == null) {
                return;
            }
            int lane = -1;
            if (occupied[head.lane()].compareAndSet(false, true)) {
                lane = head.lane();
            } else {
                for (int other : candidates) {
                    if (occupied[other].compareAndSet(false, true)) {
                        lane = other;
                        break;
                    }
                }
            }
            if (lane < 0) {
                return; // every lane holds a vehicle: the next decision dispatches
            }
            ArrivalSchedule.Planned p = queue.poll();
            if (p == null) {
                occupied[lane].set(false);
                return;
            }
            if (lane != p.lane()) {
                moved.incrementAndGet();
            }
            if (System.nanoTime() - (startNanos + p.dueNanos()) > 1_000_000L) {
                queued.incrementAndGet();
            }
            if (!send(sender, new ArrivalSchedule.Planned(p.index(), p.dueNanos(), lane, p.scenario(), p.warmup()))) {
                occupied[lane].set(false);
            }
        }
    }

    /** Opens one gate socket per lane. */
    void connectGates(HttpClient http, URI base, DeviceTokens tokens) throws Exception {
        for (int i = 0; i < lanes.size(); i++) {
            int lane = i;
            String id = lanes.get(i).id();
            gates.add(WsConnection.open(http, WsConnection.uri(base, "/lane/v1/lanes/" + id + "/gate"),
                    tokens.get(id, "GATE"), text -> onGate(lane, text), p -> problem(id + " gate: " + p)));
        }
    }

    void problem(String text) {
        problemCount.incrementAndGet();
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(text);
        }
    }

    RunResult run(ReadSender sender, long drainNanos, PrintStream progress, String label, long measuredNanos) {
        startNanos = System.nanoTime() + 200_000_000L;
        Thread ticker = new Thread(() -> progressLoop(progress, label), "progress");
        ticker.setDaemon(true);
        ticker.start();
        this.sender = sender;
        for (ArrivalSchedule.Planned p : schedule.arrivals()) {
            waitUntil(startNanos + p.dueNanos());
            if (p.scenario().tagRead) {
                String direction = lanes.get(p.lane()).direction();
                waitingForLane.get(direction).add(p);
                dispatch(direction);
            } else {
                send(sender, p);
            }
        }
        long lastDue = startNanos + (schedule.arrivals().isEmpty() ? 0 : schedule.arrivals().get(schedule.arrivals().size() - 1).dueNanos());
        long deadline = Math.max(System.nanoTime(), lastDue) + drainNanos;
        while ((open.get() > 0 || waitingForLane.values().stream().anyMatch(q -> !q.isEmpty())) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000L);
        }
        ticker.interrupt();
        List<String> undecided = new ArrayList<>();
        for (ConcurrentHashMap<String, InFlight> lane : inFlight) {
            lane.values().stream().distinct().forEach(f -> undecided.add(f.summary));
        }
        long neverSent = waitingForLane.values().stream().mapToLong(java.util.Collection::size).sum();
        if (oracle != null) {
            for (ConcurrentHashMap<String, InFlight> lane : inFlight) {
                lane.values().stream().distinct().forEach(f -> {
                    wrong.incrementAndGet();
                    keepWrong("no decision reached the gate: " + f.summary);
                });
            }
        }
        gates.forEach(WsConnection::close);
        sender.close();
        printProgress(progress, label);
        long measuredDecided = decidedMeasured.get();
        double seconds = measuredNanos / 1e9;
        return new RunResult(label, sentMeasured.get(), sent.get() - sentMeasured.get(), measuredDecided,
                wrong.get(), warmupWrong.get(), List.copyOf(wrongKept), new TreeMap<>(outcomes),
                copy(all), copy(complete), copy(waiting), measuredDecided / seconds,
                starved.get(), unmatched.get(), holds.get(), undecided.size(), moved.get(), queued.get(), neverSent,
                problemCount.get(), List.copyOf(problems),
                oracle == null ? null : randomCheck);
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

    /** @return whether the arrival went out (false: no vehicle free, or a clash) */
    private boolean send(ReadSender sender, ArrivalSchedule.Planned p) {
        LaneInfo lane = lanes.get(p.lane());
        SimVehicle[] vehicles = pools.take(p.scenario(), lane.direction());
        if (vehicles == null) {
            starved.incrementAndGet();
            return false;
        }
        Instant now = Instant.now();
        SimVehicle plateVehicle = vehicles[0];
        SimVehicle tagVehicle = p.scenario() == Scenario.MISMATCH ? vehicles[1] : vehicles[0];
        LaneMessages.PlateSeen seen;
        synchronized (random) { // sends come from the scheduler and, for queued arrivals, gate threads
            seen = LaneMessages.plateSeen(p.scenario(), plateVehicle, random);
        }
        String plate = LaneMessages.plate(seen, now, sender.stream());
        String tag = p.scenario().tagRead ? LaneMessages.tag(tagVehicle.epc, now, sender.stream()) : null;
        Oracle.Expectation expected = oracle == null ? null : oracle.expect(p.scenario(), plateVehicle, tagVehicle, now);
        String[] keys = oracle != null ? new String[]{expected.mark()}
                : tag == null ? new String[]{SimVehicle.canonical(seen.text())}
                : new String[]{SimVehicle.canonical(seen.text()), tagVehicle.epc};
        String summary = p.scenario().label() + " #" + p.index() + " on " + lane.id() + ": plate " + seen.text()
                + " (" + String.format(Locale.ROOT, "%.1f", seen.confidence()) + ")"
                + (tag == null ? ", no tag" : ", tag of " + tagVehicle.display) + (p.scenario().emptyPress ? ", EMPTY pressed" : "")
                + ", vehicle " + plateVehicle;
        InFlight f = new InFlight(p, vehicles, expected, keys, summary);
        ConcurrentHashMap<String, InFlight> laneMap = inFlight.get(p.lane());
        for (String key : keys) {
            if (laneMap.putIfAbsent(key, f) != null) {
                problem("two arrivals in flight for " + key + " on " + lane.id() + "; " + summary + " not sent");
                for (String k : keys) {
                    laneMap.remove(k, f);
                }
                pools.giveBack(p.scenario(), lane.direction(), vehicles, false);
                return false;
            }
        }
        open.incrementAndGet();
        sent.incrementAndGet();
        if (!p.warmup()) {
            sentMeasured.incrementAndGet();
        }
        if (p.scenario().emptyPress) {
            // The press must be in before the reads that complete the arrival: the reads follow its acceptance.
            sender.empty(p.lane(), LaneMessages.empty(now, sender.stream()), () -> {
                sender.plate(p.lane(), plate);
                sender.tag(p.lane(), tag);
            });
            return true;
        }
        sender.plate(p.lane(), plate);
        if (tag != null) {
            sender.tag(p.lane(), tag);
        }
        return true;
    }

    /** A gate message: acknowledge a decision, find its arrival, time and judge it. */
    void onGate(int lane, String text) {
        long now = System.nanoTime();
        Decision d = Decision.parse(text);
        if (d == null) {
            if (text.contains("\"hold\"") || text.contains("HOLD")) {
                holds.incrementAndGet();
            }
            problem(lanes.get(lane).id() + " gate heard: " + MiniJson.abbreviate(text));
            return;
        }
        if (d.arrivalId() != null) {
            gates.get(lane).send("{" + JsonText.field("ack", d.arrivalId()) + ","
                    + JsonText.field("state", Oracle.RELEASE.equals(d.decision()) ? "OPENED" : "CLOSED") + "}");
        }
        String key = d.vehicleMark() == null ? "" : d.vehicleMark();
        InFlight f = inFlight.get(lane).remove(key);
        if (f == null) {
            unmatched.incrementAndGet();
            if (oracle != null) {
                problem("a decision for no arrival in flight on " + lanes.get(lane).id() + ": " + d.text());
            }
            return;
        }
        if (f.outstanding.decrementAndGet() > 0) {
            return;
        }
        long latencyMicros = Math.max(0, (now - (startNanos + f.plan.dueNanos())) / 1_000);
        boolean measured = !f.plan.warmup();
        if (measured) {
            synchronized (all) {
                all.recordValue(latencyMicros);
                (f.plan.scenario().tagRead ? complete : waiting).recordValue(latencyMicros);
            }
            decidedMeasured.incrementAndGet();
            outcomes.merge(d.decision(), 1L, Long::sum);
            lastMeasuredDecisionNanos = now;
        }
        decided.incrementAndGet();
        if (oracle != null) {
            String why = Oracle.wrongness(f.expected, d);
            if (why != null) {
                (measured ? wrong : warmupWrong).incrementAndGet();
                keepWrong(f.summary + ": " + why);
            } else {
                Oracle.Judgement j = Oracle.judge(f.expected, d);
                if (j.eligible()) {
                    randomCheck.add(rates.getOrDefault(lanes.get(lane).controlPoint(), 0.0), j.selected());
                }
            }
        }
        // The floor's decisions are all fake RELEASEs that use nothing up.
        pools.giveBack(f.plan.scenario(), lanes.get(lane).direction(), f.vehicles, oracle != null && Oracle.RELEASE.equals(d.decision()));
        open.decrementAndGet();
        if (f.plan.scenario().tagRead) {
            occupied[lane].set(false); // the vehicle has left the lane: the next one may come
            dispatch(lanes.get(lane).direction());
        }
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
        out.printf(Locale.ROOT, "%-6s t=%5.1fs sent %7d decided %7d in flight %5d wrong %d p99 %s (tag+plate arrivals %s)%s%n",
                label, (System.nanoTime() - startNanos) / 1e9, sent.get(), decided.get(), open.get(),
                wrong.get() + warmupWrong.get(), p99, p99Complete,
                (starved.get() > 0 ? " starved " + starved.get() : "") + (queued.get() > 0 ? " sent late " + queued.get() : ""));
    }

    /**
     * The 99th percentile so far, in ms; during warm-up nothing is measured yet, and "0.000 ms"
     * would read as an impossibly fast engine, so it says so instead.
     */
    static String p99Text(Histogram micros) {
        return micros.getTotalCount() == 0 ? "- (none measured yet)"
                : LatencySummary.format(micros.getValueAtPercentile(99) / 1000.0) + " ms";
    }

    private Histogram copy(Histogram h) {
        synchronized (all) {
            return h.copy();
        }
    }
}
