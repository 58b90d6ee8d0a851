package hk.seamless.benchmarks;

import hk.seamless.config.LogSettings;
import hk.seamless.log.SegmentedLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
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

/**
 * What the hash chain costs an append: a whole {@link SegmentedLog#append} of a registry-sized
 * entry (frame, CRC-32C, SHA-256 chain, one positional write to the page cache; no fsync, which
 * group commit shares among many appends), against the SHA-256 and the CRC-32C of the same entry
 * alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {
            // The same list as chronicle.jvm.flags in the parent pom (ChronicleFlagsTest checks it).
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
public class LogAppendBenchmark {

    /** A registry change of one lodged consignment is about 1.6 kB of JSON. */
    @Param({"1600"})
    public int payloadBytes;

    Path dir;
    SegmentedLog log;
    byte[] payload;
    byte[] previousHash = new byte[32];
    MessageDigest sha;
    long sequence;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("seamless-log-bench");
        log = SegmentedLog.open(dir, LogSettings.defaults().withFsync(false), Clock.systemUTC(), e -> {});
        payload = new byte[payloadBytes];
        Arrays.fill(payload, (byte) 'x');
        sha = MessageDigest.getInstance("SHA-256");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.close();
        TempFolders.delete(dir);
    }

    @Benchmark
    public long append() {
        return log.append(payload);
    }

    @Benchmark
    public byte[] sha256Only() {
        sha.reset();
        sha.update(previousHash);
        sha.update(ByteBuffer.allocate(16).putLong(++sequence).putLong(sequence).array());
        sha.update(payload);
        return sha.digest();
    }

    @Benchmark
    public long crc32cOnly() {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return crc.getValue();
    }
}
