package hk.seamless.kafka;

import hk.seamless.config.ConfigLoader;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.Topology;
import hk.seamless.engine.Engine;
import hk.seamless.http.TradeApiClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: a measurement, run by hand (benchmarks/README.md, "The lane feed over Kafka"). A
 * Kafka broker (child JVM), a registry and one lane engine (this JVM, the wall clock); {@code rate}
 * bundles a second made at the registry for {@code seconds}; then the lane engine's
 * {@code seamless_feed_lag} (from the registry committing a change to the lane engine applying it)
 * as Micrometer's percentiles, and how long the lane engine took to catch up after the last one.
 *
 * <pre>java -cp engine/target/test-classes:engine/target/classes:$(cat cp.txt) \
 *     -Dseamless.kafka.classpath=deploy/kafka/target/kafka-classpath.txt \
 *     hk.seamless.kafka.FeedLagMeasurement 500 20</pre>
 */
public final class FeedLagMeasurement {

    private static final String FEED_TOKEN = "feed-token-for-the-measurement-0123456789";

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int bundles = rate * seconds;
        Path folder = Files.createTempDirectory("seamless-feed-lag");
        EngineConfig base = new ConfigLoader(Map.of("SEAMLESS_BUNDLING_LEAD", "PT0S"))
                .load(null)
                .withHttpPort(0)
                .withDailyConsignments(Math.max(1_000, bundles));
        try (KafkaBroker broker = KafkaBroker.started();
                Engine registry = Engine.start(
                        base.withDataDir(folder.resolve("registry"))
                                .withTopology(Topology.registry(broker.bootstrapServers(), FEED_TOKEN)),
                        Clock.systemUTC());
                Engine lane = Engine.start(
                        base.withDataDir(folder.resolve("lmc"))
                                .withTopology(Topology.lane(
                                        broker.bootstrapServers(),
                                        "LMC",
                                        URI.create("http://127.0.0.1:" + registry.port()),
                                        FEED_TOKEN)),
                        Clock.systemUTC())) {
            TradeApiClient api = new TradeApiClient(registry.port(), registry.adminToken());
            TradeApiClient laneApi = new TradeApiClient(lane.port(), lane.adminToken());
            TradeApiClient.Account shipper = api.newAccount("SHIPPER");
            TradeApiClient.Account trucker = api.newAccount("TRUCKER");
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Hong_Kong"));
            System.out.println("Lodging " + bundles + " consignments and registering their vehicles...");
            List<String[]> ready = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<String[]>> made = new ArrayList<>();
            for (int i = 0; i < bundles; i++) {
                made.add(pool.submit(() -> {
                    String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today);
                    String mark = TradeApiClient.uniqueMark();
                    api.registerVehicleRaw(trucker.token(), mark, TradeApiClient.uniqueTag())
                            .expect(201);
                    return new String[] {ccrn, mark};
                }));
            }
            for (var f : made) {
                ready.add(f.get());
            }
            long before = issued(api);
            awaitApplied(laneApi, before);
            System.out.println("Bundling " + bundles + " at " + rate + "/s...");
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            for (int i = 0; i < bundles; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String[] truck = ready.get(i);
                pool.execute(() -> {
                    if (api.bundleRaw(trucker.token(), truck[1], "IMPORT", truck[0])
                                    .status()
                            != 201) {
                        failed.incrementAndGet();
                    }
                });
            }
            double offeredFor = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the bundles were not all answered within 30 minutes");
            }
            double took = (System.nanoTime() - start) / 1e9;
            long last = issued(api);
            long caughtUpFrom = System.nanoTime();
            awaitApplied(laneApi, last);
            System.out.printf(
                    "%d bundles offered in %.1f s, answered in %.1f s (%.0f/s made, %d refused);"
                            + " lane caught up %.0f ms after the last%n",
                    bundles, offeredFor, took, bundles / took, failed.get(), (System.nanoTime() - caughtUpFrom) / 1e6);
            laneApi.get("/metrics", null)
                    .body()
                    .lines()
                    .filter(l -> l.startsWith("seamless_feed_lag"))
                    .forEach(System.out::println);

            // A lane engine on an empty data folder: the registry's snapshot, then the topic's tail.
            long started = System.nanoTime();
            try (Engine fresh = Engine.start(
                    base.withDataDir(folder.resolve("mkt"))
                            .withTopology(Topology.lane(
                                    broker.bootstrapServers(),
                                    "MKT",
                                    URI.create("http://127.0.0.1:" + registry.port()),
                                    FEED_TOKEN)),
                    Clock.systemUTC())) {
                double serving = (System.nanoTime() - started) / 1e6;
                awaitApplied(new TradeApiClient(fresh.port(), fresh.adminToken()), issued(api));
                System.out.printf(
                        "a lane engine on an empty folder: serving after %.0f ms, caught up after %.0f ms"
                                + " (registry holding %d active bundles)%n",
                        serving, (System.nanoTime() - started) / 1e6, bundles);
            }
        }
    }

    private static long issued(TradeApiClient api) {
        return api.get("/health", null).json().getJsonObject("feed").getLong("issued");
    }

    private static void awaitApplied(TradeApiClient laneApi, long sequence) throws InterruptedException {
        while (laneApi.get("/health", null).json().getJsonObject("feed").getLong("applied") < sequence) {
            Thread.sleep(5);
        }
    }
}
