package hk.seamless.benchmarks;

import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.CargoInformationReader;
import hk.seamless.trade.Ccrn;
import hk.seamless.trade.LodgementWindow;
import hk.seamless.trade.VehicleMark;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-request rules every lodgement and every lane read pays for: reading a CCRN as typed,
 * its check digit, a registration mark, and checking a whole consignment body.
 *
 * <p>Inputs live in non-final state fields and every result is returned (JMH sinks it in a
 * Blackhole), so the JIT can neither fold the inputs nor drop the work.
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
public class RegistryRulesBenchmark {

    /** A CCRN the way a trader reads it off a printout: groups of four. */
    String typedCcrn;

    String first15Digits;
    String ordinaryMark;
    String personalisedMark;
    JsonObject consignmentBody;
    CargoInformationReader reader;
    Instant now;

    @Setup
    public void setUp() {
        first15Digits = "261234567890123";
        String ccrn = first15Digits + Ccrn.checkDigit(first15Digits);
        typedCcrn = ccrn.substring(0, 4) + " " + ccrn.substring(4, 8) + " " + ccrn.substring(8, 12) + " "
                + ccrn.substring(12);
        ordinaryMark = "AB 1234";
        personalisedMark = "LUCKY 88";
        reader = new CargoInformationReader(LodgementWindow.hongKong(Period.ofDays(14)));
        now = Instant.now();
        consignmentBody = TypicalConsignment.body(
                LocalDate.now(hk.seamless.config.HongKong.TIME_ZONE).plusDays(3));
        // Fail at set-up, not with a misleading score, if a rule changed under the benchmark.
        reader.read(consignmentBody, now);
        VehicleMark.parse(personalisedMark);
    }

    @Benchmark
    public Ccrn parseCcrn() {
        return Ccrn.parse(typedCcrn);
    }

    @Benchmark
    public int ccrnCheckDigit() {
        return Ccrn.checkDigit(first15Digits);
    }

    @Benchmark
    public VehicleMark parseOrdinaryMark() {
        return VehicleMark.parse(ordinaryMark);
    }

    @Benchmark
    public VehicleMark parsePersonalisedMark() {
        return VehicleMark.parse(personalisedMark);
    }

    @Benchmark
    public CargoInformation readConsignmentBody() {
        return reader.read(consignmentBody, now);
    }
}
