package hk.seamless.lanesim;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Sends one planned arrival when it is due: takes its vehicles from the pools (never one the engine
 * may still take for present at that lane), writes its reads (one or more plate frames, a tag, an
 * EMPTY press), asks the {@link Oracle} what its decision must be, puts it in flight and sends the
 * reads. Called by the scheduler, and by the gate threads that free a lane for a queued arrival;
 * this is the run's hot path, so what is only read when something goes wrong (the arrival in words)
 * is built only then.
 */
final class ArrivalSender {

    private final List<LaneInfo> lanes;
    private final VehiclePools pools;
    /** Null against the floor, which foresees nothing. */
    private final Oracle oracle;

    private final int confidenceThreshold;
    /** The run's random draws (frames, confidences), shared with the late frames: locked while drawn. */
    private final SplittableRandom random;

    private final LanePresence[] presence;
    private final LaneGates gates;
    private final ArrivalsInFlight inFlight;
    private final RunCounts counts;

    /** Trucks at lanes with an emulated Modbus gate; null without such lanes. Set before the run. */
    private BoomTraffic boom;

    private volatile ReadSender sender;

    ArrivalSender(
            List<LaneInfo> lanes,
            VehiclePools pools,
            Oracle oracle,
            int confidenceThreshold,
            SplittableRandom random,
            LanePresence[] presence,
            LaneGates gates,
            ArrivalsInFlight inFlight,
            RunCounts counts) {
        this.lanes = lanes;
        this.pools = pools;
        this.oracle = oracle;
        this.confidenceThreshold = confidenceThreshold;
        this.random = random;
        this.presence = presence;
        this.gates = gates;
        this.inFlight = inFlight;
        this.counts = counts;
    }

    /** The lanes' trucks drive onto the loops of emulated Modbus gates as their reads go out. Before the run. */
    void playBooms(BoomTraffic boom) {
        this.boom = boom;
    }

    /** How the reads go out (lane streams or HTTP). At the run's start, before the first arrival. */
    void sendWith(ReadSender sender) {
        this.sender = sender;
    }

    /** @return whether the arrival went out (false: no vehicle free) */
    boolean send(ArrivalSchedule.Planned p) {
        ReadSender sender = this.sender;
        LaneInfo lane = lanes.get(p.lane());
        long nowNanos = System.nanoTime();
        SimVehicle[] vehicles = pools.take(p.scenario(), lane.direction(), presence[p.lane()].present(nowNanos));
        if (vehicles == null) {
            counts.starved.incrementAndGet();
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
        inFlight.add(p.lane(), f);
        presence[p.lane()].arrived(vehicles, nowNanos);
        if (boom != null && boom.plays(p.lane())) {
            boom.arrives(p.lane(), f, f.summary());
        }
        counts.open.incrementAndGet();
        counts.sent.incrementAndGet();
        counts.tally.of(scenario).sent.incrementAndGet();
        if (!p.warmup()) {
            counts.sentMeasured.incrementAndGet();
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

    /** A late frame of the lane's last vehicle was sent: its presence at the lane runs from now. */
    void lateFrameSent(int lane) {
        presence[lane].seenAgain(System.nanoTime());
    }
}
