package hk.seamless.http;

import hk.seamless.config.ControlPoint;
import hk.seamless.config.Direction;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.Lane;
import hk.seamless.config.LlrpReaderSetting;
import hk.seamless.config.ModbusGateSetting;
import hk.seamless.engine.Engine;
import hk.seamless.lanesim.devices.LlrpReaderEmulator;
import hk.seamless.lanesim.devices.ModbusGateEmulator;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: a measurement, run by hand (see README, "Readers over LLRP and gates over Modbus TCP").
 * One engine; 36 lanes with an emulated LLRP reader and Modbus gate, and Hong Kong's 36 lanes with
 * WebSocket gates. At {@code rate} arrivals a second spread over the 36 lanes of each kind, it times
 * the tag report leaving the emulated reader until the coil write reaches the emulated gate, and
 * the tag read leaving over HTTP until the decision reaches the WebSocket gate; p50/p99 of each.
 *
 * <pre>java -cp engine/target/test-classes:engine/target/classes:$(cat cp.txt) hk.seamless.http.DeviceLatencyMeasurement 100 15</pre>
 */
public final class DeviceLatencyMeasurement {

    private static final int LANES = 36;

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int arrivals = rate * seconds;
        List<ModbusGateEmulator> gates = new ArrayList<>();
        List<LlrpReaderEmulator> readers = new ArrayList<>();
        List<Lane> deviceLanes = new ArrayList<>();
        for (int i = 1; i <= LANES; i++) {
            ModbusGateEmulator gate = new ModbusGateEmulator(true, 20);
            LlrpReaderEmulator reader = new LlrpReaderEmulator();
            gates.add(gate);
            readers.add(reader);
            deviceLanes.add(new Lane(
                    String.format("DEV-S-%02d", i),
                    "DEV",
                    Direction.IMPORT,
                    true,
                    new LlrpReaderSetting("127.0.0.1", reader.port(), Set.of(1), null),
                    new ModbusGateSetting("127.0.0.1", gate.port(), 1, 0, true, 100, 0, 1, 2, 3_000, 3_600_000, 20)));
        }
        TestClock clock = new TestClock(TestClock.hongKong(2026, 11, 17, 10, 0, 0));
        Path data = Files.createTempDirectory("seamless-latency");
        EngineConfig defaults =
                EngineConfig.defaults().withHttpPort(0).withDataDir(data).withDailyConsignments(3_000);
        List<ControlPoint> points = new ArrayList<>(defaults.controlPoints());
        points.add(new ControlPoint("DEV", "Device lanes", 0.0, deviceLanes));
        Engine engine = Engine.start(
                defaults.withControlPoints(points).withRandomSelection(0.0, java.util.OptionalLong.of(1)), clock);
        try {
            TradeApiClient api = new TradeApiClient(engine.port(), engine.adminToken());
            LaneTestClient lanes = new LaneTestClient(engine.port(), api);
            TradeApiClient.Account shipper = api.newAccount("SHIPPER");
            TradeApiClient.Account trucker = api.newAccount("TRUCKER");
            List<String> wsLanes = engine.pipeline().lanes().stream()
                    .filter(l -> !"DEV".equals(l.controlPoint()))
                    .map(Lane::id)
                    .toList();
            System.out.println("Bundling " + 2 * arrivals + " trucks...");
            List<String[]> trucks = new ArrayList<>();
            for (int i = 0; i < 2 * arrivals; i++) {
                String mark = TradeApiClient.uniqueMark();
                String tag = TradeApiClient.uniqueTag();
                api.registerVehicleRaw(trucker.token(), mark, tag).expect(201);
                int lane = i % LANES;
                String direction = i < arrivals
                        ? "IMPORT"
                        : engine.pipeline()
                                .lane(engine.pipeline().laneIndex(wsLanes.get(lane)))
                                .direction()
                                .name();
                api.bundle(
                        trucker.token(),
                        mark,
                        direction,
                        api.lodgeCcrn(
                                shipper.token(),
                                direction,
                                clock.hongKongToday().plusDays(1)));
                trucks.add(new String[] {mark, tag});
            }
            clock.advance(Duration.ofMinutes(31));
            ConcurrentLinkedQueue<Long> viaDevices = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> viaWebSocket = new ConcurrentLinkedQueue<>();
            // ---- LLRP reader -> Modbus coil ----
            String[] deviceCameras = new String[LANES];
            Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
            for (int i = 0; i < LANES; i++) {
                deviceCameras[i] = lanes.registerDevice(deviceLanes.get(i).id(), "CAMERA");
                readers.get(i).awaitStarted(Duration.ofSeconds(30));
                int lane = i;
                gates.get(i).onRaise(t -> {
                    Long sent = sentAt.remove(lane);
                    if (sent != null) {
                        viaDevices.add(t - sent);
                    }
                });
            }
            Thread.sleep(1_000);
            ScheduledExecutorService driver = Executors.newScheduledThreadPool(6);
            System.out.println(
                    "LLRP + Modbus: " + arrivals + " arrivals at " + rate + "/s over " + LANES + " lanes...");
            long periodNanos = 1_000_000_000L / rate;
            for (int i = 0; i < arrivals; i++) {
                int lane = i % LANES;
                String[] truck = trucks.get(i);
                long at = i * periodNanos;
                driver.schedule(
                        () -> {
                            gates.get(lane).vehicleArrives();
                            lanes.plateRead(deviceLanes.get(lane).id(), deviceCameras[lane], truck[0], 92.5);
                        },
                        at,
                        TimeUnit.NANOSECONDS);
                driver.schedule(
                        () -> {
                            sentAt.put(lane, System.nanoTime());
                            readers.get(lane).sees(truck[1], 1, -50);
                        },
                        at + 80_000_000L,
                        TimeUnit.NANOSECONDS);
                driver.schedule(() -> gates.get(lane).vehicleLeaves(), at + 200_000_000L, TimeUnit.NANOSECONDS);
            }
            Thread.sleep(seconds * 1000L + 2_000);
            // ---- HTTP tag read -> WebSocket gate ----
            String[] cameras = new String[LANES];
            String[] rfids = new String[LANES];
            Map<String, Long> tagSentAt = new ConcurrentHashMap<>();
            HttpClient http = HttpClient.newHttpClient();
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < LANES; i++) {
                String lane = wsLanes.get(i);
                cameras[i] = lanes.registerDevice(lane, "CAMERA");
                rfids[i] = lanes.registerDevice(lane, "RFID");
                String gateToken = lanes.registerDevice(lane, "GATE");
                sockets.add(http.newWebSocketBuilder()
                        .header("Authorization", "Bearer " + gateToken)
                        .buildAsync(
                                URI.create("ws://127.0.0.1:" + engine.port() + "/lane/v1/lanes/" + lane + "/gate"),
                                new TimingGate(tagSentAt, viaWebSocket))
                        .get(10, TimeUnit.SECONDS));
            }
            Thread.sleep(1_000);
            System.out.println(
                    "HTTP + WebSocket gate: " + arrivals + " arrivals at " + rate + "/s over " + LANES + " lanes...");
            for (int i = 0; i < arrivals; i++) {
                int lane = i % LANES;
                String[] truck = trucks.get(arrivals + i);
                long at = i * periodNanos;
                driver.schedule(
                        () -> lanes.plateRead(wsLanes.get(lane), cameras[lane], truck[0], 92.5),
                        at,
                        TimeUnit.NANOSECONDS);
                driver.schedule(
                        () -> {
                            tagSentAt.put(truck[0], System.nanoTime());
                            lanes.tagRead(wsLanes.get(lane), rfids[lane], truck[1]);
                        },
                        at + 80_000_000L,
                        TimeUnit.NANOSECONDS);
            }
            Thread.sleep(seconds * 1000L + 2_000);
            driver.shutdownNow();
            report("tag report from the LLRP reader -> coil write at the Modbus gate", viaDevices, arrivals);
            report("tag read over HTTP -> decision at the WebSocket gate", viaWebSocket, arrivals);
            sockets.forEach(WebSocket::abort);
        } finally {
            engine.close();
            gates.forEach(ModbusGateEmulator::close);
            readers.forEach(LlrpReaderEmulator::close);
        }
        System.exit(0);
    }

    private static void report(String path, ConcurrentLinkedQueue<Long> nanos, int arrivals) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            System.out.println(path + ": nothing measured");
            return;
        }
        System.out.printf(
                "%s: %d of %d arrivals, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                path,
                sorted.size(),
                arrivals,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }

    /** A WebSocket gate controller that notes when each decision reaches it. */
    private record TimingGate(Map<String, Long> sentAt, ConcurrentLinkedQueue<Long> out) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            JsonObject frame = new JsonObject(data.toString());
            Long sent = "decision".equals(frame.getString("kind"))
                    ? sentAt.remove(frame.getString("vehicleMark", ""))
                    : null;
            if (sent != null) {
                out.add(now - sent);
            }
            socket.request(1);
            return null;
        }
    }
}
