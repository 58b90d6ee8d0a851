package hk.seamless.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.Lane;
import hk.seamless.config.WaitStrategyKind;
import hk.seamless.gate.LaneHub;
import hk.seamless.lane.BundleAtLane;
import hk.seamless.lane.LaneView;
import hk.seamless.lane.plate.PlateRead;
import hk.seamless.log.SegmentedLog;
import hk.seamless.risk.RandomSelection;
import hk.seamless.risk.RiskView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lane pipeline: reads from every lane go into one LMAX Disruptor ring, and one handler thread
 * decides them. Producers are the Vert.x event loops (several: {@link ProducerType#MULTI}); a
 * producer never waits for room: a full ring is refused at once, and the caller answers 503 and
 * keeps the gate closed.
 *
 * <p>Wait strategy: "blocking" by default. These machines have two cores and Vert.x needs them;
 * a busy-spinning or yielding consumer would take one whole, and the decision it speeds up is
 * microseconds against a wake-up of a few microseconds more. "sleeping" and "yielding" are there
 * for machines with cores to spare (see the benchmarks).
 */
public final class LanePipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LanePipeline.class);

    private final List<Lane> lanes;
    private final Map<String, Integer> laneIndex = new HashMap<>();
    /** Each lane's index boxed once: handing it to a translator then allocates nothing, however many lanes. */
    private final Integer[] laneNumbers;

    private final Disruptor<LaneEvent> disruptor;
    private final RingBuffer<LaneEvent> ring;
    /** How many recent arrivals officers can open and override; older ones live on in the lane journal. */
    public static final int RECENT_ARRIVALS = 50_000;

    private final ArrivalRecords records = new ArrivalRecords(RECENT_ARRIVALS);
    private final DecisionJournal journal;
    private final LaneHub hub;
    private final Clock clock;
    private final long releaseValidityMillis;
    private final ReleasedBundles released;

    public LanePipeline(
            EngineConfig config,
            LaneView view,
            RiskView risk,
            LaneHub hub,
            CrossingReporter crossings,
            SegmentedLog laneLog,
            Clock clock,
            MeterRegistry metrics) {
        this.lanes = config.controlPoints().stream()
                .flatMap(cp -> cp.lanes().stream())
                .toList();
        this.laneNumbers = new Integer[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            laneIndex.put(lanes.get(i).id(), i);
            laneNumbers[i] = i;
        }
        this.hub = hub;
        this.clock = clock;
        this.releaseValidityMillis = config.pipeline().releaseValidity().toMillis();
        this.journal = new DecisionJournal(laneLog, releaseValidityMillis);

        // 2^18 released bundles, 4 MiB: days of a busy control point's traffic, cut off or not.
        this.released = new ReleasedBundles(1 << 18);
        java.util.function.IntPredicate gateAvailable = hub::gateAvailable;
        ClearanceRules rules = new ClearanceRules(
                view, risk, new RandomSelection(config.rules().randomSeed()), released, gateAvailable);
        DecisionPublisher publisher =
                new DecisionPublisher(hub, records, journal, released, crossings, releaseValidityMillis, metrics);
        publisher.registerLanes(lanes);
        String[] laneIds = lanes.stream().map(Lane::id).toArray(String[]::new);
        Fusion fusion = new Fusion(
                lanes,
                config.rules().fusionWindow().toMillis(),
                config.pipeline().presenceWindow().toMillis(),
                new ArrivalIds(clock.millis()),
                SameVehicle.over(view, config.pipeline().plateConfidenceThreshold()));
        ArrivalHandler handler = new ArrivalHandler(
                fusion,
                new VehicleIdentification(view, config.pipeline().plateConfidenceThreshold()),
                rules,
                publisher,
                new OverrideDesk(
                        records, rules, publisher, lanes, laneIndex, releaseValidityMillis, fusion, gateAvailable),
                new GateAcknowledgements(records, journal, hub, laneIds, metrics),
                clock,
                journal::endOfBatch);

        this.disruptor = new Disruptor<>(
                LaneEvent::new,
                config.pipeline().ringSize(),
                r -> {
                    Thread t = new Thread(r, "lane-pipeline");
                    t.setDaemon(true);
                    return t;
                },
                ProducerType.MULTI,
                waitStrategy(config.pipeline().waitStrategy()));
        // Before start: Disruptor's default handler kills the consumer thread, and every lane with it.
        disruptor.setDefaultExceptionHandler(new FailClosed());
        disruptor.handleEventsWith(handler);
        this.ring = disruptor.start();
        Gauge.builder("seamless_ring_fill", ring, r -> r.getBufferSize() - r.remainingCapacity())
                .description("events waiting in the lane pipeline's ring")
                .register(metrics);
        Gauge.builder("seamless_ring_size", ring, RingBuffer::getBufferSize).register(metrics);
    }

    /** "phased": how long the consumer spins after an event, then yields, before it parks. */
    private static final long PHASED_SPIN_MICROS = 10;

    private static final long PHASED_YIELD_MICROS = 50;

    private static WaitStrategy waitStrategy(WaitStrategyKind kind) {
        return switch (kind) {
            case BLOCKING -> new BlockingWaitStrategy();
            case LITE_BLOCKING -> new com.lmax.disruptor.LiteBlockingWaitStrategy();
            case PHASED ->
                PhasedBackoffWaitStrategy.withLiteLock(PHASED_SPIN_MICROS, PHASED_YIELD_MICROS, TimeUnit.MICROSECONDS);
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
        };
    }

    /** The index of a lane, or -1 for a lane this engine does not have. */
    public int laneIndex(String laneId) {
        Integer index = laneIndex.get(laneId);
        return index == null ? -1 : index;
    }

    public Lane lane(int index) {
        return lanes.get(index);
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /**
     * Puts back the arrivals the lane journal kept, before the engine serves: the board and
     * overrides carry on across a restart. Called once, before any arrival.
     */
    public void restoreArrivals(java.util.Collection<ArrivalRecord> journalled) {
        journalled.forEach(records::add);
    }

    /**
     * Bundles the lane log says this lane side released, remembered again after a restart: a lane
     * engine cut off from the registry still holds them ACTIVE in its views. Call before serving.
     */
    public void restoreReleases(java.util.Collection<String> bundleIds, long atMillis) {
        for (String id : bundleIds) {
            released.add(BundleAtLane.hash(id, 0, id.length()), atMillis);
        }
    }

    public ArrivalRecords records() {
        return records;
    }

    public long releaseValidityMillis() {
        return releaseValidityMillis;
    }

    /** @return false when the ring is full: answer 503, the gate stays closed */
    public boolean publishPlate(int lane, PlateRead read, ReadOrigin origin) {
        return ring.tryPublishEvent(LaneEventTranslators.PLATE, laneNumbers[lane], read, origin);
    }

    public boolean publishTag(int lane, CharSequence epc, ReadOrigin origin) {
        return ring.tryPublishEvent(LaneEventTranslators.TAG, laneNumbers[lane], epc, origin);
    }

    public boolean publishEmpty(int lane, ReadOrigin origin) {
        return ring.tryPublishEvent(LaneEventTranslators.EMPTY, laneNumbers[lane], origin);
    }

    public boolean publishGateAck(int lane, CharSequence arrivalId, boolean opened) {
        return ring.tryPublishEvent(LaneEventTranslators.GATE_ACK, laneNumbers[lane], arrivalId, opened);
    }

    public boolean publishOverride(OverrideCommand command) {
        return ring.tryPublishEvent(LaneEventTranslators.OVERRIDE, command);
    }

    /** The lane's loop detector reports no vehicle: the vehicle decided there has left. */
    public boolean publishLaneClear(int lane) {
        return ring.tryPublishEvent(LaneEventTranslators.LANE_CLEAR, laneNumbers[lane]);
    }

    /** What the engine's own gate driver saw or did: journalled in order with the lane's decisions. */
    public boolean publishGateEvent(int lane, GateEvent gateEvent) {
        return ring.tryPublishEvent(LaneEventTranslators.GATE_EVENT, laneNumbers[lane], gateEvent);
    }

    /** Lets the pipeline decide arrivals whose fusion window has run out. */
    public boolean tick() {
        return ring.tryPublishEvent(LaneEventTranslators.TICK);
    }

    /**
     * Tells a lane's gate and display that no decision can be given for what it just saw, and the
     * officers' consoles, since a held truck now waits for one of them.
     */
    public void hold(int lane, String reason) {
        String message = DecisionMessages.hold(lanes.get(lane).id(), reason, clock.instant());
        hub.holdStands(lane, message);
        hub.toGates(lane, message);
        hub.toConsoles(message);
    }

    /** Halts the consumer once what is in the ring has been handled (or after a few seconds). */
    @Override
    public void close() {
        try {
            disruptor.shutdown(5, TimeUnit.SECONDS);
        } catch (com.lmax.disruptor.TimeoutException e) {
            // shutdown(timeout) does not stop the thread on timeout: halt does.
            disruptor.halt();
        }
        journal.close();
    }

    /**
     * Fail-safe: an event the handler could not finish leaves its gate closed, with SEE OFFICER on
     * the display, and its sender gets an error, never a guess. The consumer thread carries on.
     */
    private final class FailClosed implements ExceptionHandler<LaneEvent> {

        @Override
        public void handleEventException(Throwable ex, long sequence, LaneEvent event) {
            LOG.error("Lane pipeline failed on a {} event; the gate stays closed", event.type, ex);
            if (event.laneIndex >= 0) {
                hold(event.laneIndex, "ENGINE_ERROR");
            }
            if (event.origin != null) {
                event.origin.failed("the engine could not decide this arrival; see an officer");
            }
            if (event.override != null) {
                event.override.outcome().completeExceptionally(ex);
            }
            event.origin = null;
            event.override = null;
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            LOG.error("Lane pipeline failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.error("Lane pipeline failed to stop cleanly", ex);
        }
    }
}
