package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A short simulated run against the floor server, over both transports: every arrival comes back. */
class FloorRunTest {

    /** The default mix keeps one lane per direction for plate-only arrivals, and one more for gate drops. */
    static final List<LaneInfo> LANES = List.of(
            new LaneInfo("LMC-S-01", "LMC", "IMPORT"),
            new LaneInfo("LMC-S-02", "LMC", "IMPORT"),
            new LaneInfo("LMC-S-03", "LMC", "IMPORT"),
            new LaneInfo("LMC-N-01", "LMC", "EXPORT"),
            new LaneInfo("LMC-N-02", "LMC", "EXPORT"));

    @Test
    void everyArrivalIsEchoedToItsGateOverLaneStreams() throws Exception {
        run(true);
    }

    @Test
    void everyArrivalIsEchoedToItsGateOverHttp() throws Exception {
        run(false);
    }

    private static void run(boolean streams) throws Exception {
        ScenarioMix mix = ScenarioMix.parse(ScenarioMix.DEFAULT);
        ArrivalSchedule schedule = ArrivalSchedule.plan(200, 250_000_000L, 1_000_000_000L, LANES, mix, 11);
        // Few reused vehicles, so that the run only completes if the floor gives them back.
        Map<String, Integer> sizes = VehiclePools.sizes(schedule.counts(LANES), 12);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RunResult result;
        try (FloorServer server = new FloorServer();
                LaneSockets sockets = new LaneSockets()) {
            DeviceTokens tokens = DeviceTokens.fake(LANES);
            LaneRun run = new LaneRun(
                    LANES, schedule, VehiclePools.madeUp(sizes, new VehicleFactory(5)), null, Map.of("LMC", 0.03), 11);
            run.connectGates(sockets, server.base(), tokens);
            ReadSender sender = streams
                    ? new StreamReadSender(sockets, server.base(), LANES, tokens, true, run::problem, run::onDevice)
                    : new HttpReadSender(
                            http, server.base(), LANES, tokens, run::problem, run::onDevice, run::platesInOrder);
            result = run.run(
                    sender,
                    5_000_000_000L,
                    new PrintStream(progress, true, StandardCharsets.UTF_8),
                    "floor",
                    1_000_000_000L);
            assertTrue(server.reads() >= schedule.arrivals().size(), "reads " + server.reads());
        }
        assertEquals(200, result.arrivals());
        assertEquals(50, result.warmupArrivals());
        assertEquals(200, result.decided(), result.problems().toString());
        assertEquals(0, result.starved());
        assertEquals(0, result.undecided());
        assertEquals(0, result.unmatched(), result.problems().toString());
        assertEquals(200, result.all().getTotalCount());
        // Latency is what the run reports, never what a test asserts (shared machines are noisy).
        assertTrue(result.all().getMaxValue() > 0, "every arrival's latency was recorded");
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("decided"));
    }
}
