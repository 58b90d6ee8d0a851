package hk.seamless.lanesim;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the engine through its public API only, as the trade would: a SHIPPER lodges (batch
 * CSV uploads), a TRUCKER registers vehicles (most with RFID tags) and bundles them, a SUPERVISOR
 * puts the watch-listed ones on the watch list, the admin registers the lane devices.
 */
final class EngineSetup {

    static final int PARALLEL = 64;
    static final int BATCH_ROWS = 5_000;
    private static final Pattern CCRN = Pattern.compile("\"ccrn\":\"(\\d{16})\"");

    private final EngineClient engine;
    private final String adminToken;
    private final PrintStream out;
    String shipper;
    String trucker;
    String supervisor;

    EngineSetup(EngineClient engine, String adminToken, PrintStream out) {
        this.engine = engine;
        this.adminToken = adminToken;
        this.out = out;
    }

    void enrol() throws Exception {
        shipper = Enrolment.enrol(engine, adminToken, "SHIPPER", "run");
        trucker = Enrolment.enrol(engine, adminToken, "TRUCKER", "run");
        supervisor = Enrolment.enrol(engine, adminToken, "SUPERVISOR", "run");
    }

    EngineSettings settings() throws Exception {
        // As the supervisor: the random-selection rates in the settings are shown to staff only.
        EngineClient.Answer settings = expect(engine.get("/api/v1/settings", supervisor), 200, "reading the settings");
        EngineClient.Answer rates = expect(engine.get("/api/v1/risk/random-rates", supervisor), 200, "reading the random rates");
        return EngineSettings.parse(settings.body()).withRatesInForce(rates.body());
    }

    /** Watch-list entries others made could change decisions the oracle cannot foresee: say so. */
    void warnAboutWatchlist() throws Exception {
        EngineClient.Answer list = engine.get("/api/v1/risk/watchlist", supervisor);
        if (list.status() == 200) {
            long parties = list.body().split("\"kind\":\"PARTY\"", -1).length - 1;
            if (parties > 0) {
                out.println("note: the watch list already has " + parties + " PARTY entries; if one names a consignor or "
                        + "consignee of the sample cargo, its arrivals will be INSPECT WATCHLIST and counted wrong");
            }
        }
    }

    /** Registers, lodges for, bundles and watch-lists every vehicle the run needs; returns the pools. */
    VehiclePools prepare(Map<String, Integer> sizes, VehicleFactory factory, long seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            long t0 = System.nanoTime();
            List<String> keys = new ArrayList<>();
            List<Future<SimVehicle>> registered = new ArrayList<>();
            for (Map.Entry<String, Integer> e : sizes.entrySet()) {
                Scenario s = VehiclePools.scenarioOf(e.getKey());
                for (int i = 0; i < e.getValue(); i++) {
                    SimVehicle v = factory.next(true, s == Scenario.MISREAD);
                    keys.add(e.getKey());
                    registered.add(pool.submit(() -> register(v, factory)));
                }
            }
            List<SimVehicle> vehicles = new ArrayList<>(registered.size());
            for (Future<SimVehicle> f : registered) {
                vehicles.add(f.get());
            }
            out.printf(Locale.ROOT, "set-up: %d vehicles registered in %.1f s%n", vehicles.size(), (System.nanoTime() - t0) / 1e9);

            // Laden bundles carry one or two CCRNs, lodged in batches per direction.
            t0 = System.nanoTime();
            CargoSampleGenerator cargo = new CargoSampleGenerator(seed, CargoSampleGenerator.todayInHongKong());
            int lodged = 0;
            for (String direction : List.of("IMPORT", "EXPORT")) {
                List<SimVehicle> laden = new ArrayList<>();
                for (int i = 0; i < vehicles.size(); i++) {
                    Scenario s = VehiclePools.scenarioOf(keys.get(i));
                    if (VehiclePools.bundled(s) && s != Scenario.EMPTY && VehiclePools.directionOf(keys.get(i)).equals(direction)) {
                        laden.add(vehicles.get(i));
                    }
                }
                List<String> ccrns = lodge(cargo, direction, laden.size() + (laden.size() + 1) / 2);
                lodged += ccrns.size();
                int next = 0;
                for (int i = 0; i < laden.size(); i++) {
                    int n = i % 2 == 0 ? 2 : 1;
                    laden.get(i).ccrns = List.copyOf(ccrns.subList(next, next + n));
                    next += n;
                }
            }
            out.printf(Locale.ROOT, "set-up: %d consignments lodged in %.1f s%n", lodged, (System.nanoTime() - t0) / 1e9);

            t0 = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            int bundles = 0;
            int watched = 0;
            for (int i = 0; i < vehicles.size(); i++) {
                SimVehicle v = vehicles.get(i);
                Scenario s = VehiclePools.scenarioOf(keys.get(i));
                if (VehiclePools.bundled(s)) {
                    String direction = VehiclePools.directionOf(keys.get(i));
                    work.add(pool.submit(() -> bundle(v, direction, s == Scenario.EMPTY)));
                    bundles++;
                }
                if (s == Scenario.WATCHLISTED) {
                    work.add(pool.submit(() -> watch(v)));
                    watched++;
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
            out.printf(Locale.ROOT, "set-up: %d bundles made, %d vehicles watch-listed in %.1f s%n", bundles, watched,
                    (System.nanoTime() - t0) / 1e9);
            VehiclePools pools = new VehiclePools();
            for (int i = 0; i < vehicles.size(); i++) {
                pools.add(keys.get(i), vehicles.get(i));
            }
            return pools;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A CAMERA, RFID reader and GATE on each lane, and an EMPTY BUTTON when the run presses it. */
    DeviceTokens registerDevices(List<LaneInfo> lanes, boolean buttons) throws Exception {
        DeviceTokens tokens = new DeviceTokens();
        for (LaneInfo lane : lanes) {
            for (String kind : buttons ? List.of("CAMERA", "RFID", "GATE", "BUTTON") : List.of("CAMERA", "RFID", "GATE")) {
                EngineClient.Answer a = expect(engine.postJson("/api/v1/admin/devices", adminToken,
                        "{" + JsonText.field("lane", lane.id()) + "," + JsonText.field("kind", kind) + "}"), 201,
                        "registering a " + kind + " on " + lane.id());
                tokens.put(lane.id(), kind, AnswerFields.text(a.body(), "token").orElseThrow());
            }
        }
        return tokens;
    }

    private SimVehicle register(SimVehicle first, VehicleFactory factory) throws Exception {
        SimVehicle v = first;
        for (int attempt = 0; attempt < 10; attempt++) {
            String body = "{" + JsonText.field("registrationMark", v.display)
                    + (v.epc == null ? "" : "," + JsonText.field("rfidTag", v.epc)) + "}";
            EngineClient.Answer a = engine.postJson("/api/v1/vehicles", trucker, body);
            if (a.status() == 201) {
                return v;
            }
            if (a.status() != 409) {
                throw new IllegalStateException("registering vehicle " + v.display + ": " + a.status() + " " + a.body());
            }
            v = factory.replace(v); // the mark or tag is taken (an earlier run): another one
        }
        throw new IllegalStateException("could not find a free vehicle mark after 10 tries");
    }

    private List<String> lodge(CargoSampleGenerator cargo, String direction, int count) throws Exception {
        List<String> ccrns = new ArrayList<>(count);
        while (ccrns.size() < count) {
            int rows = Math.min(BATCH_ROWS, count - ccrns.size());
            List<CargoSample> samples = new ArrayList<>(rows);
            while (samples.size() < rows) {
                CargoSample c = cargo.next();
                if (c.direction().equals(direction)) {
                    samples.add(c);
                }
            }
            EngineClient.Answer a = expect(engine.post(BatchLoadCommand.PATH, shipper, "text/csv; charset=UTF-8",
                    BatchCsv.file(samples).getBytes(StandardCharsets.UTF_8)), 200, "lodging a batch");
            Matcher m = CCRN.matcher(a.body());
            int found = 0;
            while (m.find()) {
                ccrns.add(m.group(1));
                found++;
            }
            if (found != rows) {
                throw new IllegalStateException("a batch of " + rows + " lodged only " + found + ": " + MiniJson.abbreviate(a.body()));
            }
        }
        return ccrns;
    }

    private Void bundle(SimVehicle v, String direction, boolean empty) throws Exception {
        String body = "{" + JsonText.field("vehicleMark", v.display) + "," + JsonText.field("direction", direction)
                + (empty ? ",\"empty\":true" : ",\"ccrns\":[" + String.join(",", v.ccrns.stream().map(JsonText::quote).toList()) + "]")
                + "}";
        EngineClient.Answer a = expect(engine.postJson("/api/v1/bundles", trucker, body), 201, "bundling " + v.display);
        v.direction = direction;
        v.emptyBundle = empty;
        v.bundleId = AnswerFields.text(a.body(), "bundleId").orElseThrow();
        v.earliestCrossingAt = OffsetDateTime.parse(AnswerFields.text(a.body(), "earliestCrossingAt").orElseThrow()).toInstant();
        return null;
    }

    private Void watch(SimVehicle v) throws Exception {
        expect(engine.postJson("/api/v1/risk/watchlist", supervisor,
                "{\"kind\":\"VEHICLE\"," + JsonText.field("value", v.display) + "}"), 201, "watch-listing " + v.display);
        return null;
    }

    private static EngineClient.Answer expect(EngineClient.Answer a, int status, String what) {
        if (a.status() != status) {
            throw new IllegalStateException(what + ": " + a.status() + " " + MiniJson.abbreviate(a.body()));
        }
        return a;
    }
}
