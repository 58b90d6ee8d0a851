package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import hk.seamless.config.ControlPoint;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.Lane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * A real engine for lane tests: trade accounts, random selection off everywhere (each test that
 * wants it turns it on), and a fresh lane for every scenario so that no fusion window or gate
 * socket is shared between tests.
 */
abstract class LaneHarness extends EngineHarness {

    static final String[] CONTROL_POINTS = {"LMC", "MKT", "STK", "SBC", "HZM", "HYW"};
    private static final int[] LANES_EACH_WAY = {4, 2, 2, 4, 3, 3};
    /** The lead time plus a minute: a vehicle bundled at the test's start may cross after this. */
    static final Duration PAST_LEAD = Duration.ofMinutes(31);
    /** Just past the 1 s fusion window. */
    static final Duration PAST_WINDOW = Duration.ofMillis(1_001);
    /** Just past the 10 s presence window: a vehicle read again after this is a new arrival. */
    static final Duration PAST_PRESENCE = Duration.ofMillis(10_001);
    /** How long an absence is watched for; never a measure of speed. */
    static final Duration QUIET = Duration.ofMillis(300);

    protected LaneTestClient lanes;
    protected TradeApiClient.Account shipper;
    protected TradeApiClient.Account trucker;
    protected TradeApiClient.Account supervisor;
    protected TradeApiClient.Account officer;
    private final Deque<String> freeImport = new ArrayDeque<>();
    private final Deque<String> freeExport = new ArrayDeque<>();
    private final Deque<String> freeCameraOnly = new ArrayDeque<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A lane with all four devices registered and its gate controller connected. */
    record Rig(String lane, String camera, String rfid, String button, String gateToken, LaneTestClient.Socket gate) {
        String controlPoint() {
            return lane.substring(0, 3);
        }
    }

    /** A registered vehicle: its canonical mark and its RFID tag. */
    record Truck(String mark, String tag) {}

    @BeforeAll
    void laneAccounts() {
        lanes = new LaneTestClient(engine.port(), api);
        shipper = api.newAccount("SHIPPER");
        trucker = api.newAccount("TRUCKER");
        supervisor = api.newAccount("SUPERVISOR");
        officer = api.newAccount("OFFICER");
        for (int c = 0; c < CONTROL_POINTS.length; c++) {
            setRandomRate(CONTROL_POINTS[c], 0.0);
            for (int n = 1; n <= LANES_EACH_WAY[c]; n++) {
                freeImport.add(String.format("%s-S-%02d", CONTROL_POINTS[c], n));
                freeExport.add(String.format("%s-N-%02d", CONTROL_POINTS[c], n));
            }
        }
        freeCameraOnly.addAll(cameraOnlyLanes());
        freeImport.removeAll(freeCameraOnly);
        freeExport.removeAll(freeCameraOnly);
    }

    /**
     * Lanes this class's engine has without an RFID reader (every lane has one by default): handed out
     * by {@link #cameraOnlyRig()}, never by {@link #rig}.
     */
    protected Set<String> cameraOnlyLanes() {
        return Set.of();
    }

    @Override
    protected EngineConfig configure(EngineConfig config) {
        Set<String> cameraOnly = cameraOnlyLanes();
        if (cameraOnly.isEmpty()) {
            return config;
        }
        List<ControlPoint> points = new ArrayList<>();
        for (ControlPoint cp : config.controlPoints()) {
            List<Lane> fitted = new ArrayList<>();
            for (Lane lane : cp.lanes()) {
                fitted.add(
                        cameraOnly.contains(lane.id())
                                ? new Lane(lane.id(), lane.controlPoint(), lane.direction(), false)
                                : lane);
            }
            points.add(new ControlPoint(cp.code(), cp.name(), cp.randomInspectionRate(), fitted));
        }
        return config.withControlPoints(points);
    }

    @AfterEach
    void closeSockets() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the test is over
            }
        }
        opened.clear();
    }

    void setRandomRate(String controlPoint, double rate) {
        api.put("/api/v1/risk/random-rates/" + controlPoint, supervisor.token(), new JsonObject().put("rate", rate))
                .expect(200);
    }

    /** A lane nobody in this class has used yet. */
    String freshLane(String direction) {
        Deque<String> free = "IMPORT".equals(direction) ? freeImport : freeExport;
        String lane = free.poll();
        if (lane == null) {
            fail("this test class has used every " + direction + " lane; split it");
        }
        return lane;
    }

    Rig rig(String direction) {
        return rigAt(freshLane(direction));
    }

    /** A lane of {@link #cameraOnlyLanes()} nobody in this class has used yet: its camera is its only reader. */
    Rig cameraOnlyRig() {
        String lane = freeCameraOnly.poll();
        if (lane == null) {
            fail("this test class has used every camera-only lane it declared");
        }
        return rigAt(lane);
    }

    Rig rigAt(String lane) {
        String gateToken = lanes.registerDevice(lane, "GATE");
        LaneTestClient.Socket gate = track(lanes.gate(lane, gateToken));
        return new Rig(
                lane,
                lanes.registerDevice(lane, "CAMERA"),
                lanes.registerDevice(lane, "RFID"),
                lanes.registerDevice(lane, "BUTTON"),
                gateToken,
                gate);
    }

    /**
     * Waits until the engine itself sees the lane's gate as given (it learns of a socket closing, or
     * of a gate's status, on its own event loop): asked afresh of a new console feed each time.
     */
    void awaitGateSeen(String lane, boolean connected, boolean fault) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonObject entry = null;
        while (System.nanoTime() < deadline) {
            try (LaneTestClient.Socket console = lanes.console(officer.token())) {
                JsonObject hello =
                        console.await(f -> "hello".equals(f.getString("kind")), Duration.ofSeconds(5), "the hello");
                entry = hello.getJsonArray("lanes").stream()
                        .map(JsonObject.class::cast)
                        .filter(l -> lane.equals(l.getString("lane")))
                        .findFirst()
                        .orElseThrow();
                if (entry.getBoolean("gateConnected") == connected && entry.getBoolean("gateFault") == fault) {
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("the engine never saw lane " + lane + "'s gate as connected=" + connected + ", fault=" + fault + ": "
                + entry);
    }

    <T extends AutoCloseable> T track(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    // ---- vehicles, consignments, bundles ----

    Truck newTruck() {
        return truck(TradeApiClient.uniqueMark());
    }

    Truck truck(String mark) {
        String tag = TradeApiClient.uniqueTag();
        api.registerVehicleRaw(trucker.token(), mark, tag).expect(201);
        return new Truck(mark, tag);
    }

    /**
     * A mark no other test makes (first letter W, X or Y, which {@link TradeApiClient#uniqueMark}
     * never starts with) built from {@code shape}: 'L' a letter without a look-alike, 'D' a digit
     * without one, any other character kept.
     */
    static String craftedMark(String shape) {
        while (true) {
            String mark = randomMark(shape);
            if (CRAFTED.add(mark)) {
                return mark;
            }
        }
    }

    private static final java.util.Set<String> CRAFTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static String randomMark(String shape) {
        String letters = "ACDEFHJKLMNPRTUVWXY";
        String digits = "13479";
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder();
        out.append("WXY".charAt(r.nextInt(3)));
        for (char c : shape.toCharArray()) {
            out.append(
                    c == 'L'
                            ? letters.charAt(r.nextInt(letters.length()))
                            : c == 'D' ? digits.charAt(r.nextInt(digits.length())) : c);
        }
        return out.toString();
    }

    String lodge(String direction) {
        return api.lodgeCcrn(shipper.token(), direction, today().plusDays(1));
    }

    String lodge(String direction, LocalDate expected, String consignor) {
        JsonObject body = TradeApiClient.packaged(direction, expected);
        body.getJsonObject("consignor").put("name", consignor);
        return api.lodge(shipper.token(), body).getString("ccrn");
    }

    /** Lodges one consignment and bundles it to the vehicle now; returns the bundle. */
    JsonObject bundleLaden(String mark, String direction) {
        return api.bundle(trucker.token(), mark, direction, lodge(direction));
    }

    JsonObject bundleEmpty(String mark, String direction) {
        return api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject()
                                .put("vehicleMark", mark)
                                .put("direction", direction)
                                .put("empty", true))
                .expect(201)
                .json();
    }

    static String direction(Rig rig) {
        return rig.lane().contains("-S-") ? "IMPORT" : "EXPORT";
    }

    // ---- arrivals ----

    /** Plate then tag within the window: the tag's answer is 200 with the decision, which the gate gets too. */
    JsonObject arrive(Rig rig, String plate, String tag) {
        String arrivalId = lanes.plateRead(rig.lane(), rig.camera(), plate, 92.5)
                .expect(202)
                .json()
                .getString("arrivalId");
        assertNotNull(arrivalId, "a plate read that does not complete the arrival is answered with its id");
        JsonObject decision =
                lanes.tagRead(rig.lane(), rig.rfid(), tag).expect(200).json();
        assertEquals(arrivalId, decision.getString("arrivalId"), "the tag completes the arrival the plate opened");
        JsonObject atGate = rig.gate().awaitDecision(arrivalId);
        assertEquals(decision.getString("decision"), atGate.getString("decision"), "gate and reader hear one decision");
        return decision;
    }

    JsonObject arrive(Rig rig, Truck truck) {
        return arrive(rig, truck.mark(), truck.tag());
    }

    /** A plate read alone on an RFID lane: 202, then decided when the window runs out. */
    JsonObject plateAlone(Rig rig, JsonObject document) {
        String arrivalId = lanes.plateDocument(rig.lane(), rig.camera(), document)
                .expect(202)
                .json()
                .getString("arrivalId");
        assertNotNull(arrivalId);
        clock.advance(PAST_WINDOW);
        return rig.gate().awaitDecision(arrivalId);
    }

    JsonObject plateAlone(Rig rig, String plate, double confidence, Object... candidates) {
        return plateAlone(rig, LaneTestClient.alpr(plate, confidence, candidates));
    }

    static List<String> reasons(JsonObject decision) {
        JsonArray reasons = decision.getJsonArray("reasons");
        assertNotNull(reasons, "a decision carries its reasons: " + decision.encode());
        List<String> list = new ArrayList<>();
        reasons.forEach(r -> list.add((String) r));
        return list;
    }

    static void assertDecision(JsonObject decision, String verdict, String display, String... reasonCodes) {
        String shown = decision.encode();
        assertEquals(verdict, decision.getString("decision"), shown);
        assertEquals(List.of(reasonCodes), reasons(decision), shown);
        if (display != null) {
            assertEquals(display, decision.getString("display"), shown);
        }
    }

    /** Polls a GET until its JSON satisfies {@code ok}, or fails at the deadline with the last answer. */
    JsonObject eventually(String path, String token, Predicate<JsonObject> ok, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = api.get(path, token).expect(200).json();
            if (ok.test(last)) {
                return last;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail(path + ": never " + what + "; last " + (last == null ? "none" : last.encode()));
        return null;
    }
}
