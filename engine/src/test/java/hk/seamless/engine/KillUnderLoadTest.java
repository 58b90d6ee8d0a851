package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.http.ApiResponse;
import hk.seamless.http.LaneTestClient;
import hk.seamless.http.TradeApiClient;
import hk.seamless.lane.LaneViewComparison;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.StoreSizes;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of concurrent lodgements, bundlings and lane decisions, with
 * checkpoints taken during the run: every write the engine acknowledged is there after the restart,
 * every truck it released is recorded as crossed, and the lane view agrees with the registry entry
 * by entry.
 */
class KillUnderLoadTest {

    private static final String[] LANES = {"LMC-S-01", "LMC-S-02", "SBC-S-01", "MKT-S-01"};

    @TempDir
    Path data;

    /** What the engine answered with a 2xx before it was killed. */
    private final Queue<String> lodged = new ConcurrentLinkedQueue<>();

    private final Queue<String> bundled = new ConcurrentLinkedQueue<>();
    private final Queue<String> released = new ConcurrentLinkedQueue<>();
    /** A 5xx or an answer no rule explains, seen before the kill: each is a defect. */
    private final Queue<String> defects = new ConcurrentLinkedQueue<>();

    @Test
    void nothingAcknowledgedIsLostAndTheLaneViewAgreesWithTheRegistry() throws Exception {
        Path log = data.resolve("engine.log");
        Map<String, String> env = Map.of(
                "SEAMLESS_BUNDLING_LEAD",
                "PT0S",
                "SEAMLESS_RANDOM_INSPECTION_RATE",
                "0",
                "SEAMLESS_CHECKPOINT_CHANGES",
                "40");
        EngineProcess engine = EngineProcess.start(data, log, env);
        String admin = Files.readString(data.resolve("admin.token")).strip();
        TradeApiClient api = new TradeApiClient(engine.port(), admin);
        LaneTestClient lanes = new LaneTestClient(engine.port(), api);
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        List<LaneTestClient.Socket> gates = new ArrayList<>();
        List<String[]> devices = new ArrayList<>();
        for (String lane : LANES) {
            gates.add(lanes.gate(lane, lanes.registerDevice(lane, "GATE")));
            devices.add(new String[] {lane, lanes.registerDevice(lane, "CAMERA"), lanes.registerDevice(lane, "RFID")});
        }
        String date = LocalDate.now(ZoneId.of("Asia/Hong_Kong")).plusDays(2).toString();

        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch busy = new CountDownLatch(LANES.length * 5);
        List<Thread> workers = new ArrayList<>();
        for (String[] lane : devices) {
            Thread worker = new Thread(
                    () -> {
                        while (!killed.get()) {
                            try {
                                oneTruck(api, lanes, shipper, trucker, lane, date);
                                busy.countDown();
                            } catch (Throwable e) {
                                if (!killed.get()) {
                                    defects.add(lane[0] + ": " + e.getMessage());
                                }
                                return;
                            }
                        }
                    },
                    "truck-" + lane[0]);
            worker.start();
            workers.add(worker);
        }
        assertTrue(busy.await(120, TimeUnit.SECONDS), "the lanes got busy: " + defects);
        killed.set(true);
        engine.kill();
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(70));
        }
        gates.forEach(LaneTestClient.Socket::close);
        assertEquals(List.of(), List.copyOf(defects), "no defect before the kill");
        assertTrue(released.size() >= LANES.length * 5, "trucks were released before the kill: " + released.size());

        EngineProcess restarted = EngineProcess.start(data, log, env);
        try {
            TradeApiClient after = new TradeApiClient(restarted.port(), admin);
            for (String ccrn : lodged) {
                after.get("/api/v1/consignments/" + ccrn, shipper.token()).expect(200);
            }
            for (String bundleId : bundled) {
                String status = after.get("/api/v1/bundles/" + bundleId, trucker.token())
                        .expect(200)
                        .json()
                        .getString("status");
                assertTrue(status.equals("ACTIVE") || status.equals("USED"), bundleId + " is " + status);
            }
            // A release is a crossing: the registry has it, or the lane journal reported it again at the start.
            for (String bundleId : released) {
                awaitUsed(after, trucker, bundleId);
            }
        } finally {
            restarted.stop();
        }
        try (ChronicleStores stores = ChronicleStores.open(data, StoreSizes.forDailyConsignments(100))) {
            LaneViewComparison.assertLaneViewMatchesRegistry(stores);
        }
    }

    private void oneTruck(
            TradeApiClient api,
            LaneTestClient lanes,
            TradeApiClient.Account shipper,
            TradeApiClient.Account trucker,
            String[] lane,
            String date) {
        String mark = TradeApiClient.uniqueMark();
        String tag = TradeApiClient.uniqueTag();
        api.registerVehicleRaw(trucker.token(), mark, tag).expect(201);
        JsonObject cargo = TradeApiClient.packaged("IMPORT", LocalDate.parse(date));
        String ccrn = api.lodge(shipper.token(), cargo).getString("ccrn");
        lodged.add(ccrn);
        String bundleId = api.bundleRaw(trucker.token(), mark, "IMPORT", ccrn)
                .expect(201)
                .json()
                .getString("bundleId");
        bundled.add(bundleId);
        lanes.plateRead(lane[0], lane[1], mark, 95).expect(202);
        ApiResponse decided = lanes.tagRead(lane[0], lane[2], tag).expect(200);
        String verdict = decided.json().getString("decision");
        if ("RELEASE".equals(verdict)) {
            released.add(bundleId);
        } else {
            defects.add(lane[0] + ": a bundled truck was not released: " + decided.body());
        }
    }

    private static void awaitUsed(TradeApiClient api, TradeApiClient.Account trucker, String bundleId)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String status = null;
        while (System.nanoTime() < deadline) {
            status = api.get("/api/v1/bundles/" + bundleId, trucker.token())
                    .expect(200)
                    .json()
                    .getString("status");
            if ("USED".equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("released bundle " + bundleId + " is " + status + ", not USED, after the restart");
    }
}
