package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

/**
 * Prepares the engine through its public API only, as the trade would: a SHIPPER lodges (batch
 * CSV uploads), a TRUCKER registers vehicles (most with RFID tags) and bundles them, a SUPERVISOR
 * puts the watch-listed ones on the watch list, the admin registers the lane devices. For twins,
 * a bundled vehicle and its unbundled look-alike are registered; for suspended accounts, a trucker
 * and a shipper of their own make bundles and are then suspended by the admin.
 */
final class EngineSetup {

    static final int PARALLEL = 64;
    static final int BATCH_ROWS = 5_000;

    private final EngineClient engine;
    private final String adminToken;
    private final PrintStream out;
    String shipper;
    String trucker;
    String supervisor;
    /** A word no cargo but this run's TARGETED consignments carries: the targeting rule names it. */
    private final String goodsWord = "SIMTARGET"
            + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase(Locale.ROOT);
    /** Accounts suspended after bundling, for the SUSPENDED scenario. */
    Enrolment.Account suspendedTrucker;

    Enrolment.Account suspendedShipper;

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
        EngineClient.Answer rates =
                expect(engine.get("/api/v1/risk/random-rates", supervisor), 200, "reading the random rates");
        return EngineSettings.parse(settings.body()).withRatesInForce(rates.body());
    }

    /** Watch-list entries others made could change decisions the oracle cannot foresee: say so. */
    void warnAboutWatchlist() throws Exception {
        EngineClient.Answer list = engine.get("/api/v1/risk/watchlist", supervisor);
        if (list.status() == 200) {
            long parties = list.json().getJsonArray("entries", new JsonArray()).stream()
                    .filter(e -> e instanceof JsonObject entry && "PARTY".equals(entry.getValue("kind")))
                    .count();
            if (parties > 0) {
                out.println(
                        "note: the watch list already has " + parties + " PARTY entries; if one names a consignor or "
                                + "consignee of the sample cargo, its arrivals will be INSPECT WATCHLIST and counted wrong");
            }
        }
    }

    /** An ONTIME vehicle registered and lodged for, whose bundle is made during the run ({@link LiveBundler}). */
    record Held(SimVehicle vehicle, String direction, String poolKey) {}

    /** The vehicles {@link #prepare} held back from bundling (every {@code holdEvery}-th ONTIME one). */
    final List<Held> held = new ArrayList<>();

    /** Registers, lodges for, bundles and watch-lists every vehicle the run needs; returns the pools. */
    VehiclePools prepare(Map<String, Integer> sizes, VehicleFactory factory, long seed) throws Exception {
        return prepare(sizes, factory, seed, 0);
    }

    /**
     * As {@link #prepare(Map, VehicleFactory, long)}, holding every {@code holdEvery}-th ONTIME vehicle
     * back from bundling (0: none): registered and lodged for, but bundled only during the run, into
     * {@link #held}, not into the pools.
     */
    VehiclePools prepare(Map<String, Integer> sizes, VehicleFactory factory, long seed, int holdEvery)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            boolean suspensions =
                    sizes.keySet().stream().anyMatch(k -> VehiclePools.scenarioOf(k) == Scenario.SUSPENDED);
            if (suspensions) {
                // Accounts of their own: they are suspended once their bundles are made (and never reinstated).
                suspendedTrucker = Enrolment.enrolAccount(engine, adminToken, "TRUCKER", "suspended");
                suspendedShipper = Enrolment.enrolAccount(engine, adminToken, "SHIPPER", "suspended");
            }
            long t0 = System.nanoTime();
            List<String> keys = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            List<Future<SimVehicle>> registered = new ArrayList<>();
            for (Map.Entry<String, Integer> e : sizes.entrySet()) {
                Scenario s = VehiclePools.scenarioOf(e.getKey());
                for (int i = 0; i < e.getValue(); i++) {
                    keys.add(e.getKey());
                    if (s == Scenario.TWIN) {
                        owners.add(trucker);
                        registered.add(pool.submit(() -> registerTwins(factory)));
                    } else {
                        SimVehicle v = factory.next(true, VehiclePools.lookAlikeDigit(s));
                        // Every other suspended-account vehicle is the suspended trucker's; the others carry the
                        // suspended shipper's cargo.
                        String owner = s == Scenario.SUSPENDED && i % 2 == 0 ? suspendedTrucker.token() : trucker;
                        owners.add(owner);
                        registered.add(pool.submit(() -> register(v, factory, owner)));
                    }
                }
            }
            List<SimVehicle> vehicles = new ArrayList<>(registered.size());
            for (Future<SimVehicle> f : registered) {
                vehicles.add(f.get());
            }
            out.printf(
                    Locale.ROOT,
                    "set-up: %d vehicles registered in %.1f s%n",
                    vehicles.size(),
                    (System.nanoTime() - t0) / 1e9);

            // What gets a bundle, by whom, with whose cargo.
            List<BundleJob> jobs = new ArrayList<>();
            java.util.Set<SimVehicle> heldBack = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            Map<String, Integer> ontimeSeen = new java.util.HashMap<>();
            for (int i = 0; i < vehicles.size(); i++) {
                Scenario s = VehiclePools.scenarioOf(keys.get(i));
                String direction = VehiclePools.directionOf(keys.get(i));
                SimVehicle v = vehicles.get(i);
                if (s == Scenario.TWIN) {
                    jobs.add(new BundleJob(v.twin, direction, false, trucker, shipper, false));
                } else if (s == Scenario.SUSPENDED) {
                    boolean truckerSuspended = !owners.get(i).equals(trucker);
                    v.accountSuspended = true;
                    jobs.add(new BundleJob(
                            v,
                            direction,
                            false,
                            owners.get(i),
                            truckerSuspended ? shipper : suspendedShipper.token(),
                            false));
                } else if (VehiclePools.bundled(s)) {
                    jobs.add(
                            new BundleJob(v, direction, s == Scenario.EMPTY, trucker, shipper, s == Scenario.TARGETED));
                    int nth = ontimeSeen.merge(keys.get(i), 1, Integer::sum);
                    if (s == Scenario.ONTIME && holdEvery > 0 && nth % holdEvery == 0) {
                        heldBack.add(v);
                        held.add(new Held(v, direction, keys.get(i)));
                    }
                }
            }

            // Laden bundles carry one or two CCRNs, lodged in batches per direction and shipper.
            t0 = System.nanoTime();
            CargoSampleGenerator cargo = new CargoSampleGenerator(seed, CargoSampleGenerator.todayInHongKong());
            int lodged = 0;
            for (String direction : List.of("IMPORT", "EXPORT")) {
                for (String lodger : suspensions ? List.of(shipper, suspendedShipper.token()) : List.of(shipper)) {
                    for (boolean targeted : List.of(false, true)) {
                        List<SimVehicle> laden = jobs.stream()
                                .filter(j -> !j.empty()
                                        && j.direction().equals(direction)
                                        && j.shipper().equals(lodger)
                                        && j.targeted() == targeted)
                                .map(BundleJob::vehicle)
                                .toList();
                        List<String> ccrns = lodge(
                                cargo,
                                direction,
                                laden.size() + (laden.size() + 1) / 2,
                                lodger,
                                targeted ? goodsWord : null);
                        lodged += ccrns.size();
                        int next = 0;
                        for (int i = 0; i < laden.size(); i++) {
                            int n = i % 2 == 0 ? 2 : 1;
                            laden.get(i).ccrns = List.copyOf(ccrns.subList(next, next + n));
                            next += n;
                        }
                    }
                }
            }
            out.printf(
                    Locale.ROOT, "set-up: %d consignments lodged in %.1f s%n", lodged, (System.nanoTime() - t0) / 1e9);

            t0 = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (BundleJob j : jobs) {
                if (!heldBack.contains(j.vehicle())) {
                    work.add(pool.submit(() -> bundle(j.vehicle(), j.direction(), j.empty(), j.trucker())));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
            // Watch-list entries made after bundling apply at the lane; one removed before the arrival no longer does.
            work.clear();
            int watched = 0;
            for (int i = 0; i < vehicles.size(); i++) {
                Scenario s = VehiclePools.scenarioOf(keys.get(i));
                if (s == Scenario.WATCHLISTED || s == Scenario.WATCHLIFTED) {
                    SimVehicle v = vehicles.get(i);
                    work.add(pool.submit(() -> watch(v, s == Scenario.WATCHLIFTED)));
                    watched++;
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
            out.printf(
                    Locale.ROOT,
                    "set-up: %d bundles made%s, then %d vehicles watch-listed (some lifted again) in %.1f s%n",
                    jobs.size() - held.size(),
                    held.isEmpty() ? "" : " (" + held.size() + " more to be made during the run)",
                    watched,
                    (System.nanoTime() - t0) / 1e9);
            if (jobs.stream().anyMatch(BundleJob::targeted)) {
                expect(
                        engine.postJson(
                                "/api/v1/risk/watchlist",
                                supervisor,
                                new JsonObject().put("kind", "GOODS").put("value", goodsWord)),
                        201,
                        "adding a targeting rule");
                out.println("set-up: a targeting rule (GOODS " + goodsWord + ") added after bundling");
            }
            if (suspensions) {
                suspend(suspendedTrucker);
                suspend(suspendedShipper);
                out.println("set-up: a trucker and a shipper with bundles suspended");
            }
            VehiclePools pools = new VehiclePools();
            for (int i = 0; i < vehicles.size(); i++) {
                if (heldBack.contains(vehicles.get(i))) {
                    pools.ensure(keys.get(i));
                } else {
                    pools.add(keys.get(i), vehicles.get(i));
                }
            }
            return pools;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One bundle to make: whose vehicle, which way, by which trucker, with cargo lodged by which shipper. */
    private record BundleJob(
            SimVehicle vehicle, String direction, boolean empty, String trucker, String shipper, boolean targeted) {}

    /** A bundled-to-be vehicle and its unbundled look-alike twin, both registered; returns the twin. */
    private SimVehicle registerTwins(VehicleFactory factory) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            SimVehicle partner = register(factory.next(true, true), factory, trucker);
            SimVehicle twin = factory.twinOf(partner);
            EngineClient.Answer a = engine.postJson("/api/v1/vehicles", trucker, registration(twin));
            if (a.status() == 201) {
                return twin;
            }
            if (a.status() != 409) {
                throw new IllegalStateException(
                        "registering vehicle " + twin.display + ": " + a.status() + " " + a.body());
            }
        }
        throw new IllegalStateException("could not find a free pair of look-alike marks after 10 tries");
    }

    private void suspend(Enrolment.Account account) throws Exception {
        expect(
                engine.postJson(
                        "/api/v1/admin/accounts/" + account.id() + "/suspend",
                        adminToken,
                        new JsonObject().put("reason", "lane simulator: a suspended account's truck must be referred")),
                200,
                "suspending account " + account.id());
    }

    /**
     * Clears the gate faults the engine latched on these lanes, as an officer would (a supervisor may):
     * a run that ends takes its emulated gates away, and the engine rightly latches each lost one. 409
     * (none stood) is as good.
     */
    void clearGateFaults(List<LaneInfo> lanes) throws Exception {
        int cleared = 0;
        for (LaneInfo lane : lanes) {
            EngineClient.Answer a = engine.postJson(
                    "/api/v1/lanes/" + lane.id() + "/gate-fault/clear",
                    supervisor,
                    new JsonObject().put("reason", "lane simulator: emulated gate started again for a run"));
            if (a.status() == 200) {
                cleared++;
            } else if (a.status() != 409) {
                throw new IllegalStateException(
                        "clearing the gate fault of " + lane.id() + ": " + a.status() + " " + a.body());
            }
        }
        if (cleared > 0) {
            out.println("set-up: cleared " + cleared
                    + " gate faults latched since the last run (its emulated gates went away)");
        }
    }

    /** A CAMERA, RFID reader and GATE on each lane, and an EMPTY BUTTON when the run presses it. */
    DeviceTokens registerDevices(List<LaneInfo> lanes, boolean buttons) throws Exception {
        return registerDevices(lanes, buttons, lane -> engine, lane -> adminToken);
    }

    /**
     * As above, each lane's devices registered at the engine that serves it ({@code at}), with that
     * engine's admin token ({@code tokenAt}): a lane engine keeps its own devices.
     */
    DeviceTokens registerDevices(
            List<LaneInfo> lanes,
            boolean buttons,
            java.util.function.Function<LaneInfo, EngineClient> at,
            java.util.function.Function<LaneInfo, String> tokenAt)
            throws Exception {
        DeviceTokens tokens = new DeviceTokens();
        for (LaneInfo lane : lanes) {
            for (String kind :
                    buttons ? List.of("CAMERA", "RFID", "GATE", "BUTTON") : List.of("CAMERA", "RFID", "GATE")) {
                EngineClient.Answer a = expect(
                        at.apply(lane)
                                .postJson(
                                        "/api/v1/admin/devices",
                                        tokenAt.apply(lane),
                                        new JsonObject().put("lane", lane.id()).put("kind", kind)),
                        201,
                        "registering a " + kind + " on " + lane.id());
                tokens.put(lane.id(), kind, text(a, "token"));
            }
        }
        return tokens;
    }

    private static JsonObject registration(SimVehicle v) {
        JsonObject vehicle = new JsonObject().put("registrationMark", v.display);
        return v.epc == null ? vehicle : vehicle.put("rfidTag", v.epc);
    }

    private SimVehicle register(SimVehicle first, VehicleFactory factory, String owner) throws Exception {
        SimVehicle v = first;
        for (int attempt = 0; attempt < 10; attempt++) {
            EngineClient.Answer a = engine.postJson("/api/v1/vehicles", owner, registration(v));
            if (a.status() == 201) {
                return v;
            }
            if (a.status() != 409) {
                throw new IllegalStateException(
                        "registering vehicle " + v.display + ": " + a.status() + " " + a.body());
            }
            v = factory.replace(v); // the mark or tag is taken (an earlier run): another one
        }
        throw new IllegalStateException("could not find a free vehicle mark after 10 tries");
    }

    /** @param goodsWord a word every description of goods carries (for a targeting rule to hit), or null */
    private List<String> lodge(CargoSampleGenerator cargo, String direction, int count, String lodger, String goodsWord)
            throws Exception {
        List<String> ccrns = new ArrayList<>(count);
        while (ccrns.size() < count) {
            int rows = Math.min(BATCH_ROWS, count - ccrns.size());
            List<CargoSample> samples = new ArrayList<>(rows);
            while (samples.size() < rows) {
                CargoSample c = cargo.next();
                if (c.direction().equals(direction)) {
                    samples.add(goodsWord == null ? c : c.describedAs(goodsWord));
                }
            }
            EngineClient.Answer a = expect(
                    engine.post(
                            BatchLoadCommand.PATH,
                            lodger,
                            "text/csv; charset=UTF-8",
                            BatchCsv.file(samples).getBytes(StandardCharsets.UTF_8)),
                    200,
                    "lodging a batch");
            int found = 0;
            for (Object row : a.json().getJsonArray("results", new JsonArray())) {
                if (row instanceof JsonObject result && result.getValue("ccrn") instanceof String ccrn) {
                    ccrns.add(ccrn);
                    found++;
                }
            }
            if (found != rows) {
                throw new IllegalStateException(
                        "a batch of " + rows + " lodged only " + found + ": " + Excerpt.of(a.body()));
            }
        }
        return ccrns;
    }

    /** Bundles a held vehicle now (during the run), noting when the request left and its answer came. */
    FeedTimeline.BundleMade bundleHeld(Held h) throws Exception {
        long started = System.nanoTime();
        bundle(h.vehicle(), h.direction(), false, trucker);
        FeedTimeline.BundleMade made = new FeedTimeline.BundleMade(started, System.nanoTime());
        h.vehicle().made = made;
        return made;
    }

    /** The bundle as the registry has it now: its status (ACTIVE, USED...), or null when it cannot be read. */
    String bundleStatus(String bundleId) throws Exception {
        EngineClient.Answer a = engine.get("/api/v1/bundles/" + bundleId, trucker);
        return a.status() == 200 && a.json().getValue("status") instanceof String status ? status : null;
    }

    /**
     * One page of the registry's audit entries naming a bundle (as the supervisor), as returned;
     * {@code cursor} null for the first. Entries are matched on the log entry, and one log entry may
     * record a whole batch of crossings: the caller looks at each entry's subject.
     */
    String bundleAuditPage(String bundleId, String cursor) throws Exception {
        return expect(
                        engine.get(
                                "/api/v1/audit?bundle=" + bundleId + "&limit=500"
                                        + (cursor == null
                                                ? ""
                                                : "&cursor="
                                                        + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                                supervisor),
                        200,
                        "reading the audit of bundle " + bundleId)
                .body();
    }

    private Void bundle(SimVehicle v, String direction, boolean empty, String byTrucker) throws Exception {
        JsonObject body = new JsonObject().put("vehicleMark", v.display).put("direction", direction);
        if (empty) {
            body.put("empty", true);
        } else {
            body.put("ccrns", new JsonArray(v.ccrns));
        }
        EngineClient.Answer a =
                expect(engine.postJson("/api/v1/bundles", byTrucker, body), 201, "bundling " + v.display);
        v.direction = direction;
        v.emptyBundle = empty;
        v.bundleId = text(a, "bundleId");
        v.earliestCrossingAt =
                OffsetDateTime.parse(text(a, "earliestCrossingAt")).toInstant();
        return null;
    }

    /** Puts the vehicle on the watch list (and, if {@code thenLift}, takes it off again). */
    private Void watch(SimVehicle v, boolean thenLift) throws Exception {
        EngineClient.Answer added = expect(
                engine.postJson(
                        "/api/v1/risk/watchlist",
                        supervisor,
                        new JsonObject().put("kind", "VEHICLE").put("value", v.display)),
                201,
                "watch-listing " + v.display);
        if (thenLift) {
            String entry = text(added, "entryId");
            expect(
                    engine.delete("/api/v1/risk/watchlist/" + entry, supervisor),
                    200,
                    "lifting the watch on " + v.display);
        }
        return null;
    }

    private static EngineClient.Answer expect(EngineClient.Answer a, int status, String what) {
        if (a.status() != status) {
            throw new IllegalStateException(what + ": " + a.status() + " " + Excerpt.of(a.body()));
        }
        return a;
    }

    /** A string field the engine's answer must have. */
    private static String text(EngineClient.Answer a, String field) {
        if (!(a.json().getValue(field) instanceof String value)) {
            throw new IllegalStateException("no " + field + " in the engine's answer: " + Excerpt.of(a.body()));
        }
        return value;
    }
}
