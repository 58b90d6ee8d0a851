package hk.seamless.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import hk.seamless.config.ControlPoint;
import hk.seamless.config.Direction;
import hk.seamless.config.HongKongControlPoints;
import hk.seamless.config.Lane;
import hk.seamless.feed.FeedSource;
import hk.seamless.feed.LaneChange;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.lane.LaneView;
import hk.seamless.lane.plate.PlateRead;
import hk.seamless.risk.PartyNames;
import hk.seamless.risk.RandomSelection;
import hk.seamless.risk.RiskView;
import hk.seamless.store.ChronicleStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Handing a plate read from the thread that received it to the one pipeline thread that decides
 * it: an LMAX Disruptor ring as the engine builds it (8,192 slots of {@link LaneEvent}, several
 * producers, the "blocking" wait strategy, one consumer) against a {@link ArrayBlockingQueue} of
 * the same capacity with one consumer thread. Both consumers do the same work per event: copy
 * the read into an {@link Arrival}, identify the vehicle and decide (as DecisionAllocationTest
 * does, over real off-heap stores), then count the event done in a volatile sequence.
 *
 * <p>Not the whole engine pipeline: no fusion window, no publishing to gates, no journal. Those
 * cost the same behind either hand-off.
 *
 * <ul>
 * <li>{@code *RoundTrip} (sample time): publish one read, spin until the consumer has done it.
 *     The score is hand-off + decision + the "done" signal back. {@code directDecision} is the
 *     same work on the producer's thread, no hand-off: subtract it to see the hand-off.</li>
 * <li>{@code *Throughput}: publish {@value #BATCH} reads as fast as the ring or queue takes
 *     them, then wait for the consumer to finish them all; ops/s = reads decided per second.</li>
 * </ul>
 *
 * <p>This machine has 2 cores: the producer and the consumer have one each and nothing is left
 * for JMH or the OS, so a de-scheduled thread shows up as a long tail in the sample-time
 * percentiles. A parked consumer (both "blocking" hand-offs park) must be woken by the OS.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {
            // The same list as chronicle.jvm.flags in the parent pom (ChronicleFlagsTest checks it):
            // forked JVMs are started with -cp, so the jar manifest's Add-Opens do not reach them.
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
        })
public class HandOffBenchmark {

    /** The engine's default ring size (PipelineSettings.defaults()). */
    static final int CAPACITY = 8192;

    static final int BATCH = 4096;
    static final long NOW = Instant.parse("2026-11-26T04:00:00Z").toEpochMilli();

    /** The camera read every event carries: "A81234" (B read as 8), resolved to the expected AB1234. */
    static PlateRead templateRead() {
        PlateRead read = new PlateRead();
        read.setPlate("A81234");
        read.setConfidence(92);
        read.addCandidate("A81234", 92);
        read.addCandidate("AB1234", 88);
        read.setEpochMillis(NOW);
        read.setRegion("hk");
        return read;
    }

    static void fill(LaneEvent e, PlateRead read) {
        e.clear();
        e.type = LaneEventType.PLATE;
        e.laneIndex = 0;
        e.receivedNanos = System.nanoTime();
        e.plate.copyFrom(read);
        e.epc.append("E2000017221101441890ABCD");
    }

    /** The consumer's work: one camera + RFID read, identified and decided. Consumer thread only. */
    static final class DecisionWork implements AutoCloseable {
        final Path dir;
        final ChronicleStores stores;
        final VehicleIdentification identification;
        final ClearanceRules rules;
        final Arrival arrival;
        /** Events done; written by the consumer only (a volatile store), read by the producer. */
        final AtomicLong done = new AtomicLong();

        long withBundle;
        long released;

        DecisionWork() {
            try {
                dir = Files.createTempDirectory("seamless-handoff");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stores = ChronicleStores.open(dir, hk.seamless.store.StoreSizes.forDailyConsignments(100));
            List<ControlPoint> controlPoints = HongKongControlPoints.defaults(0.5);
            LaneView view = new LaneView(stores);
            RiskView risk = new RiskView(stores, controlPoints);
            new LaneFeedConsumer(stores, view, risk).finishStart(registryState());
            identification = new VehicleIdentification(view, 80);
            rules = new ClearanceRules(
                    view, risk, new RandomSelection(OptionalLong.of(7)), new ReleasedBundles(1 << 10), lane -> true);
            arrival = new Arrival(new Lane("LMC-S-01", "LMC", Direction.IMPORT, true), 0);
        }

        void handle(LaneEvent event) {
            Arrival a = arrival;
            a.open("LMC-S-01.bench", NOW);
            a.plate.copyFrom(event.plate);
            a.hasPlate = true;
            a.epc.append(event.epc);
            a.hasTag = event.epc.length() > 0;
            if (identification.identify(a)) {
                rules.decide(a, NOW);
            }
            if (a.hasBundle) {
                withBundle++;
            }
            if (a.verdict == Verdict.RELEASE) {
                released++;
            }
            done.lazySet(done.get() + 1); // single writer: an ordered store is enough
        }

        /** Producer side: spin until the consumer has done {@code target} events. */
        long awaitDone(long target) {
            long d;
            while ((d = done.get()) < target) {
                Thread.onSpinWait();
            }
            return d;
        }

        void check(String what) {
            long n = done.get();
            if (n > 0 && withBundle != n) {
                throw new IllegalStateException(
                        what + ": only " + withBundle + " of " + n + " arrivals found their bundle");
            }
            if (n > 1_000 && (released < n / 4 || released > 3 * n / 4)) {
                throw new IllegalStateException(what + ": random selection at 50% released " + released + " of " + n);
            }
        }

        @Override
        public void close() {
            stores.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What the lane feed carries for one bundled vehicle with a tag and two consignments. */
        private static FeedSource registryState() {
            return new FeedSource() {
                @Override
                public long sequence() {
                    return 1;
                }

                @Override
                public long snapshot(Consumer<LaneChange> sink) {
                    sink.accept(new LaneChange.VehicleRegistered("AB1234", "E2000017221101441890ABCD"));
                    for (String ccrn : List.of("2611111111111116", "2622222222222224")) {
                        sink.accept(new LaneChange.ConsignmentBundled(
                                ccrn,
                                LocalDate.parse("2026-11-27"),
                                PartyNames.canonical("深圳市華強電子"),
                                PartyNames.canonical("Kwun Tong Traders"),
                                "",
                                ""));
                    }
                    sink.accept(new LaneChange.BundleActivated(
                            "Babc",
                            "AB1234",
                            Direction.IMPORT,
                            Instant.parse("2026-11-26T03:00:00Z"),
                            false,
                            List.of("2611111111111116", "2622222222222224"),
                            List.of(),
                            ""));
                    return 1;
                }
            };
        }
    }

    /** The engine's hand-off: a Disruptor ring, MULTI producer, blocking wait strategy, one handler. */
    @State(Scope.Benchmark)
    public static class Ring {
        DecisionWork work;
        Disruptor<LaneEvent> disruptor;
        RingBuffer<LaneEvent> ring;
        final PlateRead read = templateRead();
        long published;

        @Setup(Level.Trial)
        public void start() {
            work = new DecisionWork();
            disruptor = new Disruptor<>(
                    LaneEvent::new,
                    CAPACITY,
                    r -> {
                        Thread t = new Thread(r, "lane-pipeline");
                        t.setDaemon(true);
                        return t;
                    },
                    ProducerType.MULTI,
                    new BlockingWaitStrategy());
            disruptor.handleEventsWith((event, sequence, endOfBatch) -> work.handle(event));
            ring = disruptor.start();
        }

        void publish() {
            long seq = ring.next(); // waits for room, as ArrayBlockingQueue.put does (the engine refuses instead)
            try {
                fill(ring.get(seq), read);
            } finally {
                ring.publish(seq);
            }
            published++;
        }

        @TearDown(Level.Trial)
        public void stop() {
            work.awaitDone(published);
            disruptor.shutdown();
            work.check("disruptor");
            work.close();
        }
    }

    /** The baseline: an ArrayBlockingQueue of pooled events and one consumer thread on take(). */
    @State(Scope.Benchmark)
    public static class Queue {
        DecisionWork work;
        ArrayBlockingQueue<LaneEvent> queue;
        /** Twice the queue: a slot is refilled only after the consumer is done with it. */
        final LaneEvent[] pool = new LaneEvent[2 * CAPACITY];

        final LaneEvent poison = new LaneEvent();
        Thread consumer;
        final PlateRead read = templateRead();
        long published;

        @Setup(Level.Trial)
        public void start() {
            work = new DecisionWork();
            for (int i = 0; i < pool.length; i++) {
                pool[i] = new LaneEvent();
            }
            queue = new ArrayBlockingQueue<>(CAPACITY);
            consumer = new Thread(
                    () -> {
                        try {
                            for (LaneEvent e = queue.take(); e != poison; e = queue.take()) {
                                work.handle(e);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "queue-consumer");
            consumer.setDaemon(true);
            consumer.start();
        }

        void publish() throws InterruptedException {
            LaneEvent e = pool[(int) (published & (pool.length - 1))];
            fill(e, read);
            queue.put(e);
            published++;
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            work.awaitDone(published);
            queue.put(poison);
            consumer.join(5_000);
            work.check("queue");
            work.close();
        }
    }

    /** No hand-off: the same work on the calling thread, the floor under both round trips. */
    @State(Scope.Benchmark)
    public static class Direct {
        DecisionWork work;
        final LaneEvent event = new LaneEvent();
        final PlateRead read = templateRead();

        @Setup(Level.Trial)
        public void start() {
            work = new DecisionWork();
        }

        @TearDown(Level.Trial)
        public void stop() {
            work.check("direct");
            work.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public long disruptorRoundTrip(Ring r) {
        r.publish();
        return r.work.awaitDone(r.published);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public long queueRoundTrip(Queue q) throws InterruptedException {
        q.publish();
        return q.work.awaitDone(q.published);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public long directDecision(Direct d) {
        fill(d.event, d.read);
        d.work.handle(d.event);
        return d.work.done.get();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long disruptorThroughput(Ring r) {
        for (int i = 0; i < BATCH; i++) {
            r.publish();
        }
        return r.work.awaitDone(r.published);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long queueThroughput(Queue q) throws InterruptedException {
        for (int i = 0; i < BATCH; i++) {
            q.publish();
        }
        return q.work.awaitDone(q.published);
    }
}
