package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.fail;

import hk.seamless.config.ControlPoint;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.Lane;
import hk.seamless.config.LlrpReaderSetting;
import hk.seamless.config.ModbusGateSetting;
import hk.seamless.lanesim.devices.LlrpReaderEmulator;
import hk.seamless.lanesim.devices.ModbusGateEmulator;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;

/**
 * A real engine whose chosen lanes have devices the engine drives itself: an emulated Modbus TCP
 * gate and/or an emulated LLRP reader on loopback, started before the engine as a site's are.
 */
abstract class DrivenDevicesHarness extends LaneHarness {

    /** How a test lane is fitted. */
    record Fit(boolean modbusGate, boolean pulse, int raiseCoil, boolean llrpReader) {}

    /** The engine's wait for the boom-up switch, in the test clock's milliseconds (the test moves that clock). */
    static final long CONFIRM_WITHIN_MILLIS = 3_000;

    protected final Map<String, ModbusGateEmulator> gates = new HashMap<>();
    protected final Map<String, LlrpReaderEmulator> readers = new HashMap<>();

    /** The lanes this class fits with driven devices. */
    protected abstract Map<String, Fit> fits();

    @Override
    protected EngineConfig configure(EngineConfig config) {
        Map<String, Fit> fits = fits();
        List<ControlPoint> points = new ArrayList<>();
        for (ControlPoint cp : super.configure(config).controlPoints()) {
            List<Lane> lanes = new ArrayList<>();
            for (Lane lane : cp.lanes()) {
                Fit fit = fits.get(lane.id());
                lanes.add(fit == null ? lane : fitted(lane, fit));
            }
            points.add(new ControlPoint(cp.code(), cp.name(), cp.randomInspectionRate(), lanes));
        }
        return config.withControlPoints(points);
    }

    private Lane fitted(Lane lane, Fit fit) {
        ModbusGateSetting gate = null;
        if (fit.modbusGate()) {
            ModbusGateEmulator emulator = new ModbusGateEmulator(fit.pulse(), 300);
            gates.put(lane.id(), emulator);
            gate = new ModbusGateSetting(
                    "127.0.0.1",
                    emulator.port(),
                    ModbusGateEmulator.UNIT,
                    fit.raiseCoil(),
                    fit.pulse(),
                    200,
                    ModbusGateEmulator.LOOP,
                    ModbusGateEmulator.BOOM_UP,
                    ModbusGateEmulator.BOOM_DOWN,
                    CONFIRM_WITHIN_MILLIS,
                    3_600_000,
                    20);
        }
        LlrpReaderSetting reader = null;
        if (fit.llrpReader()) {
            LlrpReaderEmulator emulator = new LlrpReaderEmulator();
            readers.put(lane.id(), emulator);
            reader = new LlrpReaderSetting("127.0.0.1", emulator.port(), Set.of(1), -70);
        }
        return new Lane(lane.id(), lane.controlPoint(), lane.direction(), lane.rfidReader(), reader, gate);
    }

    @AfterAll
    void closeEmulators() {
        gates.values().forEach(ModbusGateEmulator::close);
        readers.values().forEach(LlrpReaderEmulator::close);
    }

    /** Lodged, bundled, and past the lead time: a truck that the lane releases. */
    Truck bundledTruck() {
        Truck truck = newTruck();
        bundleLaden(truck.mark(), "IMPORT");
        return truck;
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("never " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    /** A line of {@code /metrics} now: its value, or 0 when the series has not appeared yet. */
    double metric(String series) {
        return api.get("/metrics", null)
                .expect(200)
                .body()
                .lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    /**
     * The truck on the loop drives off, and the next one drives on, once the engine has seen the loop
     * clear: a loop that never clears between two trucks is one vehicle as far as the gate can tell.
     */
    void nextTruckOnTheLoop(String lane) {
        String clears = "seamless_loop_clears_total{device=\"gate\",kind=\"CLEAR\",lane=\"" + lane + "\"}";
        double before = metric(clears);
        // The engine polls the loop: the truck leaves only once the engine has seen it there, or its
        // CLEAR never comes (seen in CI on a loaded machine, where a decision came within one poll).
        awaitTrue(gates.get(lane)::lastChangeRead, "the engine saw the truck on the loop of " + lane);
        gates.get(lane).vehicleLeaves();
        awaitMetric(clears, v -> v > before);
        gates.get(lane).vehicleArrives();
    }

    /** Waits for a line of {@code /metrics} that starts with {@code series}; returns its value. */
    double awaitMetric(String series, java.util.function.DoublePredicate ok) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            String metrics = api.get("/metrics", null).expect(200).body();
            last = metrics.lines()
                    .filter(l -> l.startsWith(series + " "))
                    .findFirst()
                    .orElse(null);
            if (last != null && ok.test(Double.parseDouble(last.substring(last.lastIndexOf(' ') + 1)))) {
                return Double.parseDouble(last.substring(last.lastIndexOf(' ') + 1));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("/metrics never showed " + series + " as wanted; last: " + last);
        return 0;
    }

    /**
     * Waits until the lane log holds {@code text} (a piece of an entry's JSON): what the audit trail
     * reads. Read through the log's own reader, entry by entry.
     */
    void awaitJournalled(String text) {
        java.nio.file.Path laneLog =
                engine.config().server().dataDir().resolve("log").resolve("lane");
        awaitTrue(
                () -> {
                    try (java.util.stream.Stream<hk.seamless.log.LogEntry> entries =
                            hk.seamless.log.LogReader.of(laneLog).forward(1)) {
                        return entries.anyMatch(
                                e -> new String(e.payload(), java.nio.charset.StandardCharsets.UTF_8).contains(text));
                    } catch (RuntimeException e) {
                        return false;
                    }
                },
                "the lane log holding " + text);
    }

    /** Plate by the camera's HTTP route: 202 with the arrival's id. */
    String plate(String lane, String camera, Truck truck) {
        return lanes.plateRead(lane, camera, truck.mark(), 92.5)
                .expect(202)
                .json()
                .getString("arrivalId");
    }

    ApiResponse clearFault(String lane, String token, JsonObject body) {
        return api.post("/api/v1/lanes/" + lane + "/gate-fault/clear", token, body);
    }
}
