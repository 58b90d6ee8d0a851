package hk.seamless.benchmarks;

import hk.seamless.config.Direction;
import hk.seamless.lane.BundleAtLane;
import hk.seamless.lane.LaneBenchmarkAccess;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same look-up as {@link BundleLookupBenchmark} ({@code mark|direction} to the compact value
 * of the vehicle's ACTIVE bundle, parsed by the engine's flyweight), if the lane kept its bundles
 * in Redis instead: one GET and its reply over loopback per arrival, no pipelining.
 *
 * <p>Needs a running Redis: {@code benchmarks/run-redis-benchmark.sh} starts Debian's
 * redis-server on a free port without persistence and passes {@code -p redisPort=P}. Without
 * one the set-up fails (there is no default server to fall back on, and no number is reported).
 * The set-up fills Redis with {@code bundles} values unless it already holds them, and checks a
 * thousand of them; a missing key during the run fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
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
public class RedisLookupBenchmark {

    /** 0 means "not given": the set-up refuses to run rather than guess a server. */
    @Param("0")
    public int redisPort;

    @Param("1000000")
    public int bundles;

    RespClient redis;
    String[] probeMarks;
    Direction[] probeDirections;
    final StringBuilder key = new StringBuilder(32);
    final BundleAtLane bundle = new BundleAtLane();
    int next;

    @Setup(Level.Trial)
    public void connect() {
        if (redisPort <= 0) {
            throw new IllegalStateException("no Redis port given: run benchmarks/run-redis-benchmark.sh, "
                    + "or pass -p redisPort=PORT of a running redis-server");
        }
        redis = new RespClient("127.0.0.1", redisPort);
        if (!"PONG".equals(redis.call("PING"))) {
            throw new IllegalStateException("Redis on port " + redisPort + " did not answer PING");
        }
        long started = System.nanoTime();
        long size = Long.parseLong(redis.call("DBSIZE"));
        if (size < bundles) {
            int batch = 1_000;
            for (int from = 0; from < bundles; from += batch) {
                int to = Math.min(bundles, from + batch);
                for (int i = from; i < to; i++) {
                    redis.send("SET", LaneBundles.key(i), LaneBundles.compactValue(i));
                }
                redis.out(true);
                for (int i = from; i < to; i++) {
                    String reply = redis.readReply();
                    if (!"OK".equals(reply)) {
                        throw new IllegalStateException("SET answered " + reply);
                    }
                }
            }
        }
        int[] indices = LaneBundles.randomIndices(bundles, BundleLookupBenchmark.PROBES, 42);
        probeMarks = new String[indices.length];
        probeDirections = new Direction[indices.length];
        for (int k = 0; k < indices.length; k++) {
            probeMarks[k] = LaneBundles.mark(indices[k]);
            probeDirections[k] = LaneBundles.direction(indices[k]);
        }
        StringBuilder value = new StringBuilder(128);
        for (int k = 0; k < 1_000; k++) {
            if (!redis.get(LaneBundles.key(indices[k]), value)
                    || !value.toString().equals(LaneBundles.compactValue(indices[k]))) {
                throw new IllegalStateException("Redis does not hold bundle " + indices[k] + " as expected");
            }
        }
        System.out.printf(
                "%n[set-up] redis on 127.0.0.1:%d: %,d keys (had %,d), ready in %,d ms; used_memory %s%n",
                redisPort,
                Long.parseLong(redis.call("DBSIZE")),
                size,
                (System.nanoTime() - started) / 1_000_000,
                usedMemory());
    }

    private String usedMemory() {
        String info = redis.call("INFO", "memory");
        for (String l : info.split("\r\n")) {
            if (l.startsWith("used_memory:")) {
                return LaneBundles.mib(
                        Long.parseLong(l.substring("used_memory:".length()).trim()));
            }
        }
        return "?";
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (redis != null) {
            redis.close();
        }
    }

    @Benchmark
    public void redisGet(Blackhole bh) {
        int k = next = (next + 1) & (BundleLookupBenchmark.PROBES - 1);
        key.setLength(0);
        key.append(probeMarks[k]).append('|').append(probeDirections[k].name());
        StringBuilder raw = LaneBenchmarkAccess.raw(bundle);
        if (!redis.get(key, raw)) {
            throw new IllegalStateException("Redis has no bundle for " + key);
        }
        LaneBenchmarkAccess.wrap(bundle);
        BundleLookupBenchmark.consume(bundle, bh);
    }
}
