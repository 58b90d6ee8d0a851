package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.Topology;
import hk.seamless.engine.Engine;
import hk.seamless.feed.FeedCodec;
import hk.seamless.feed.LaneChange;
import hk.seamless.feed.SnapshotLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's snapshot for lane engines, served whether Kafka is there or not: the feed token
 * or a 401; one JSON object a line, head first and the end mark last; what a stopped registry left
 * half-written is gone at the next start.
 */
class FeedSnapshotRouteTest {

    private static final String TOKEN = "feed-token-for-the-snapshot-test-0123";

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(20);
        return true;
    }

    @Test
    void theSnapshotIsTheRegistrysStateLineByLineForTheFeedTokenOnly(@TempDir Path data) throws Exception {
        Path leftOver = Files.createDirectories(data.resolve("feed-snapshots")).resolve("feed-snapshot-1.ndjson");
        Files.writeString(leftOver, "{\"sequence\":1,");
        EngineConfig config = EngineConfig.defaults()
                .withHttpPort(0)
                .withDataDir(data)
                .withDailyConsignments(100)
                .withTopology(Topology.registry("127.0.0.1:1", TOKEN)); // Kafka away: the route does not need it
        try (Engine registry = Engine.start(config, new TestClock(EngineHarness.START))) {
            assertFalse(Files.exists(leftOver), "a half-written snapshot of an earlier run is deleted at start");
            TradeApiClient api = new TradeApiClient(registry.port(), registry.adminToken());
            TradeApiClient.Account trucker = api.newAccount("TRUCKER");
            String mark = api.newVehicle(trucker.token());

            api.get("/api/v1/feed/snapshot", null).problem(401);
            api.get("/api/v1/feed/snapshot", api.adminToken()).problem(401); // an account's token is not the feed's
            ApiResponse answer = api.get("/api/v1/feed/snapshot", TOKEN).expect(200);
            assertTrue(answer.contentType().startsWith("application/x-ndjson"), answer.contentType());
            List<String> lines = answer.body().lines().toList();
            SnapshotLines.Head head = SnapshotLines.head(lines.get(0));
            assertTrue(head.sequence() >= 1, "the feed's sequence at the snapshot: " + lines.get(0));
            assertEquals(SnapshotLines.END, lines.get(lines.size() - 1), "ends with its end mark");
            List<LaneChange> changes = lines.subList(1, lines.size() - 1).stream()
                    .map(FeedCodec::readChange)
                    .toList();
            assertTrue(
                    changes.contains(new LaneChange.VehicleRegistered(
                            mark,
                            changes.stream()
                                    .filter(c -> c instanceof LaneChange.VehicleRegistered v
                                            && v.mark().equals(mark))
                                    .map(c -> ((LaneChange.VehicleRegistered) c).rfidTag())
                                    .findFirst()
                                    .orElse(null))),
                    "the vehicle registered is in it: " + changes);
            // Deleted once the engine has sent it, which may be a moment after the caller has read it.
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            long left;
            do {
                try (var scratch = Files.list(data.resolve("feed-snapshots"))) {
                    left = scratch.count();
                }
            } while (left > 0 && System.nanoTime() < deadline && sleep());
            assertEquals(0, left, "the file written for the answer is deleted once sent");
        }
    }
}
