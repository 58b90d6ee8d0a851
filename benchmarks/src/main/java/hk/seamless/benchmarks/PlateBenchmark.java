package hk.seamless.benchmarks;

import hk.seamless.config.Direction;
import hk.seamless.lane.LaneView;
import hk.seamless.lane.plate.ExpectedVehicles;
import hk.seamless.lane.plate.LookAlikeResolver;
import hk.seamless.lane.plate.OpenAlprDocument;
import hk.seamless.lane.plate.OpenAlprStreamReader;
import hk.seamless.lane.plate.PlateNormaliser;
import hk.seamless.lane.plate.PlateRead;
import hk.seamless.lane.plate.Resolution;
import hk.seamless.store.LaneBundleStores;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
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
 * A camera read on its way to an identity: the OpenALPR document parsed and read, the plate
 * normalised, and its look-alike characters resolved against the vehicles expected at the lane.
 *
 * <p>Two documents ({@code read}): {@code RESOLVED}, the common case, "A81234" whose 8 is the B
 * of the expected AB1234 (4 probes of the expected set); {@code NOT_EXPECTED}, a lorry with no
 * bundle whose plate and five candidates are full of look-alikes (GS5628: every candidate's
 * variants are probed, about 150 probes), the most a read costs.
 *
 * <p>The expected set is the 50,000 IMPORT bundles of 100,000 realistic ACTIVE bundles: probed
 * through {@link LaneView#hasActiveBundle} over the engine's Chronicle lane-bundles map (a key
 * built in a reused buffer, nothing allocated), and through a {@code HashSet<String>} on the heap,
 * which needs a String per probe ({@code mark.toString()}): {@code -prof gc} shows the bytes.
 * Those two know no look-alike count ({@link ExpectedVehicles#lookAlikesExpected}): every variant
 * is probed, as before the lane kept one. {@code resolveAgainstChronicleCounted} is the engine's
 * way: the same map plus the lane-look-alikes map's count, so that variants are probed only when
 * an expected vehicle looks like the read.
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
public class PlateBenchmark {

    static final int BUNDLES = 100_000;

    @Param({"RESOLVED", "NOT_EXPECTED"})
    public String read;

    String documentText;
    io.vertx.core.buffer.Buffer documentBody;
    OpenAlprStreamReader streamReader;
    String streamMessage;
    JsonObject document;
    PlateRead plateRead;
    PlateRead scratchRead;
    StringBuilder canonical;
    StringBuilder out;
    StringBuilder scratch;
    LookAlikeResolver resolver;

    Path dataDir;
    LaneBundleStores stores;
    ExpectedVehicles chronicleExpected;
    ExpectedVehicles chronicleCounted;
    ExpectedVehicles heapExpected;
    Resolution expectedResolution;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        documentText = "RESOLVED".equals(read) ? resolvedDocument() : notExpectedDocument();
        document = new JsonObject(documentText);
        documentBody = io.vertx.core.buffer.Buffer.buffer(documentText);
        streamReader = new OpenAlprStreamReader();
        streamMessage = "{\"kind\":\"plate\"," + documentText.substring(1);
        plateRead = new PlateRead();
        scratchRead = new PlateRead();
        OpenAlprDocument.read(document, plateRead);
        PlateRead streamed = new PlateRead();
        if (!streamReader.read(documentBody, streamed) || !streamed.toString().equals(plateRead.toString())) {
            throw new IllegalStateException("the streaming reader read " + streamed + ", the tree reader " + plateRead);
        }
        canonical = new StringBuilder(16);
        out = new StringBuilder(16);
        scratch = new StringBuilder(16);
        resolver = new LookAlikeResolver();

        dataDir = Files.createTempDirectory("seamless-plate");
        stores = LaneBundleStores.open(dataDir, BUNDLES + 1_000L);
        LaneView view = new LaneView(stores);
        LaneBundles.feed(stores, view, BUNDLES);
        chronicleExpected = mark -> view.hasActiveBundle(mark, Direction.IMPORT);
        chronicleCounted = new ExpectedVehicles() {
            @Override
            public boolean isExpected(CharSequence mark) {
                return view.hasActiveBundle(mark, Direction.IMPORT);
            }

            @Override
            public int lookAlikesExpected(CharSequence mark) {
                return view.lookAlikesWithActiveBundle(mark, Direction.IMPORT);
            }
        };
        Set<String> importMarks = new HashSet<>();
        for (int i = 0; i < BUNDLES; i++) {
            if (LaneBundles.direction(i) == Direction.IMPORT) {
                importMarks.add(LaneBundles.mark(i));
            }
        }
        heapExpected = mark -> importMarks.contains(mark.toString());

        // Fail here, not with a misleading score, if either set or the rules changed under us.
        expectedResolution = "RESOLVED".equals(read) ? Resolution.RESOLVED : Resolution.NOT_EXPECTED;
        String expectedMark = "RESOLVED".equals(read) ? "AB1234" : "GS5628";
        for (ExpectedVehicles expected : new ExpectedVehicles[] {chronicleExpected, chronicleCounted, heapExpected}) {
            Resolution r = resolver.resolveCandidates(plateRead, expected, out, scratch);
            if (r != expectedResolution || !expectedMark.contentEquals(out)) {
                throw new IllegalStateException("resolved " + plateRead + " to " + r + " " + out);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        stores.close();
        TempFolders.delete(dataDir);
    }

    /** What the lane's HTTP route does with a body: parse the JSON, read it into a PlateRead. */
    @Benchmark
    public void parseAndReadDocument(Blackhole bh) {
        OpenAlprDocument.read(new JsonObject(documentText), scratchRead);
        bh.consume(scratchRead.confidence());
        bh.consume(scratchRead.candidateCount());
    }

    /** What the lane's HTTP route does now: the body's bytes read straight into the PlateRead, no tree. */
    @Benchmark
    public void streamReadDocument(Blackhole bh) {
        streamReader.read(documentBody, scratchRead);
        bh.consume(scratchRead.confidence());
        bh.consume(scratchRead.candidateCount());
    }

    /** The lane stream's way: a camera's text message read straight into the PlateRead. */
    @Benchmark
    public void streamReadMessage(Blackhole bh) {
        streamReader.readPlateMessage(streamMessage, scratchRead);
        bh.consume(scratchRead.confidence());
        bh.consume(scratchRead.candidateCount());
    }

    /** The read alone, from an already parsed document. */
    @Benchmark
    public void readParsedDocument(Blackhole bh) {
        OpenAlprDocument.read(document, scratchRead);
        bh.consume(scratchRead.confidence());
        bh.consume(scratchRead.candidateCount());
    }

    @Benchmark
    public boolean normalise() {
        return PlateNormaliser.normalise(plateRead.plate(), canonical);
    }

    @Benchmark
    public Resolution resolveAgainstChronicle() {
        return resolver.resolveCandidates(plateRead, chronicleExpected, out, scratch);
    }

    @Benchmark
    public Resolution resolveAgainstChronicleCounted() {
        return resolver.resolveCandidates(plateRead, chronicleCounted, out, scratch);
    }

    @Benchmark
    public Resolution resolveAgainstHeapSet() {
        return resolver.resolveCandidates(plateRead, heapExpected, out, scratch);
    }

    /** OpenALPR agent output for a Hong Kong lorry whose B the camera read as 8. */
    static String resolvedDocument() {
        return "{\"version\":2,\"data_type\":\"alpr_results\",\"epoch_time\":1795665600123,\"img_width\":1920,"
                + "\"img_height\":1080,\"processing_time_ms\":71.5,\"regions_of_interest\":[],\"results\":[{"
                + "\"plate\":\"A81234\",\"confidence\":91.47,\"matches_template\":0,\"plate_index\":0,\"region\":\"hk\","
                + "\"region_confidence\":0,\"processing_time_ms\":30.2,\"requested_topn\":10,"
                + "\"coordinates\":[{\"x\":802,\"y\":611},{\"x\":1011,\"y\":613},{\"x\":1010,\"y\":660},{\"x\":801,\"y\":658}],"
                + "\"candidates\":[{\"plate\":\"A81234\",\"confidence\":91.47,\"matches_template\":0},"
                + "{\"plate\":\"AB1234\",\"confidence\":88.02,\"matches_template\":0},"
                + "{\"plate\":\"A8I234\",\"confidence\":79.9,\"matches_template\":0},"
                + "{\"plate\":\"A81Z34\",\"confidence\":75.31,\"matches_template\":0}]},"
                // The Guangdong plate the same cross-boundary lorry carries: never chosen over the HK one.
                + "{\"plate\":\"粤Z·A123港\",\"confidence\":93.1,\"matches_template\":0,\"plate_index\":1,\"region\":\"cn\","
                + "\"region_confidence\":0,\"processing_time_ms\":28.7,\"requested_topn\":10,"
                + "\"coordinates\":[{\"x\":790,\"y\":700},{\"x\":1020,\"y\":702},{\"x\":1019,\"y\":760},{\"x\":789,\"y\":758}],"
                + "\"candidates\":[{\"plate\":\"粤Z·A123港\",\"confidence\":93.1,\"matches_template\":0}]}],"
                + "\"uuid\":\"LMC-S-01-cam1-1795665600123\",\"camera_id\":1,\"agent_uid\":\"LMC-S-01\",\"agent_version\":\"2.8.101\"}";
    }

    /** A lorry with no bundle, its plate and candidates full of look-alike characters. */
    static String notExpectedDocument() {
        return "{\"version\":2,\"data_type\":\"alpr_results\",\"epoch_time\":1795665600123,\"img_width\":1920,"
                + "\"img_height\":1080,\"processing_time_ms\":74.2,\"regions_of_interest\":[],\"results\":[{"
                + "\"plate\":\"GS5628\",\"confidence\":88.3,\"matches_template\":0,\"plate_index\":0,\"region\":\"hk\","
                + "\"region_confidence\":0,\"processing_time_ms\":31.0,\"requested_topn\":10,"
                + "\"coordinates\":[{\"x\":802,\"y\":611},{\"x\":1011,\"y\":613},{\"x\":1010,\"y\":660},{\"x\":801,\"y\":658}],"
                + "\"candidates\":[{\"plate\":\"GS5628\",\"confidence\":88.3,\"matches_template\":0},"
                + "{\"plate\":\"G55628\",\"confidence\":80.1,\"matches_template\":0},"
                + "{\"plate\":\"6S5628\",\"confidence\":77.4,\"matches_template\":0},"
                + "{\"plate\":\"GS562B\",\"confidence\":70.2,\"matches_template\":0},"
                + "{\"plate\":\"CS5628\",\"confidence\":65.9,\"matches_template\":0},"
                + "{\"plate\":\"GS5S28\",\"confidence\":61.0,\"matches_template\":0}]}],"
                + "\"uuid\":\"LMC-S-01-cam1-1795665600123\",\"camera_id\":1,\"agent_uid\":\"LMC-S-01\",\"agent_version\":\"2.8.101\"}";
    }
}
