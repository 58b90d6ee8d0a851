package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.URLEncoder;
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
        EngineClient.Answer settings =
                engine.get("/api/v1/settings", supervisor).expect(200, "reading the settings");
        EngineClient.Answer rates =
                engine.get("/api/v1/risk/random-rates", supervisor).expect(200, "reading the random rates");
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
            List<BundlePlan.Registered> fleet = registerFleet(sizes, factory, pool);
            BundlePlan plan =
                    new BundlePlan(fleet, trucker, shipper, suspensions ? suspendedShipper.token() : null, holdEvery);
            held.addAll(plan.held);
            lodgeCargo(plan, suspensions, seed);
            bundleThenWatch(plan, fleet, pool);
            if (plan.anyTargeted()) {
                engine.postJson(
                                "/api/v1/risk/watchlist",
                                supervisor,
                                new JsonObject().put("kind", "GOODS").put("value", goodsWord))
                        .expect(201, "adding a targeting rule");
                out.println("set-up: a targeting rule (GOODS " + goodsWord + ") added after bundling");
            }
            if (suspensions) {
                suspend(suspendedTrucker);
                suspend(suspendedShipper);
                out.println("set-up: a trucker and a shipper with bundles suspended");
            }
            return pools(fleet, plan);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Makes the bundles due before the run, then watch-lists vehicles: entries made after bundling
     * apply at the lane; one removed before the arrival no longer does.
     */
    private void bundleThenWatch(BundlePlan plan, List<BundlePlan.Registered> fleet, ExecutorService pool)
            throws Exception {
        long t0 = System.nanoTime();
        inParallel(pool, plan.beforeTheRun(), j -> bundle(j.vehicle(), j.direction(), j.empty(), j.trucker()));
        List<BundlePlan.Registered> watched = fleet.stream()
                .filter(r -> VehiclePools.scenarioOf(r.poolKey()) == Scenario.WATCHLISTED
                        || VehiclePools.scenarioOf(r.poolKey()) == Scenario.WATCHLIFTED)
                .toList();
        inParallel(
                pool, watched, r -> watch(r.vehicle(), VehiclePools.scenarioOf(r.poolKey()) == Scenario.WATCHLIFTED));
        out.printf(
                Locale.ROOT,
                "set-up: %d bundles made%s, then %d vehicles watch-listed (some lifted again) in %.1f s%n",
                plan.jobs.size() - held.size(),
                held.isEmpty() ? "" : " (" + held.size() + " more to be made during the run)",
                watched.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    /** The vehicles of each pool; a pool whose vehicles are all held back is there, empty. */
    private static VehiclePools pools(List<BundlePlan.Registered> fleet, BundlePlan plan) {
        VehiclePools pools = new VehiclePools();
        for (BundlePlan.Registered r : fleet) {
            if (plan.heldBack(r.vehicle())) {
                pools.ensure(r.poolKey());
            } else {
                pools.add(r.poolKey(), r.vehicle());
            }
        }
        return pools;
    }

    /** Registers the vehicles of every pool, in parallel; in the order of the pools. */
    private List<BundlePlan.Registered> registerFleet(
            Map<String, Integer> sizes, VehicleFactory factory, ExecutorService pool) throws Exception {
        long t0 = System.nanoTime();
        FleetRegistrar registrar = new FleetRegistrar(engine, factory);
        List<String> keys = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<Future<SimVehicle>> registered = new ArrayList<>();
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            Scenario s = VehiclePools.scenarioOf(e.getKey());
            for (int i = 0; i < e.getValue(); i++) {
                // Every other suspended-account vehicle is the suspended trucker's; the others carry the
                // suspended shipper's cargo.
                String owner = s == Scenario.SUSPENDED && i % 2 == 0 ? suspendedTrucker.token() : trucker;
                keys.add(e.getKey());
                owners.add(owner);
                if (s == Scenario.TWIN) {
                    registered.add(pool.submit(() -> registrar.registerTwins(owner)));
                } else {
                    SimVehicle v = factory.next(true, VehiclePools.lookAlikeDigit(s));
                    registered.add(pool.submit(() -> registrar.register(v, owner)));
                }
            }
        }
        List<BundlePlan.Registered> fleet = new ArrayList<>(registered.size());
        for (int i = 0; i < registered.size(); i++) {
            fleet.add(new BundlePlan.Registered(keys.get(i), registered.get(i).get(), owners.get(i)));
        }
        out.printf(
                Locale.ROOT,
                "set-up: %d vehicles registered in %.1f s%n",
                fleet.size(),
                (System.nanoTime() - t0) / 1e9);
        return fleet;
    }

    /** Laden bundles carry one or two CCRNs, lodged in batches per direction and shipper. */
    private void lodgeCargo(BundlePlan plan, boolean suspensions, long seed) throws Exception {
        long t0 = System.nanoTime();
        CargoLodger lodger =
                new CargoLodger(engine, new CargoSampleGenerator(seed, CargoSampleGenerator.todayInHongKong()));
        int lodged = 0;
        for (String direction : List.of("IMPORT", "EXPORT")) {
            for (String shipperToken : suspensions ? List.of(shipper, suspendedShipper.token()) : List.of(shipper)) {
                for (boolean targeted : List.of(false, true)) {
                    List<SimVehicle> laden = plan.laden(direction, shipperToken, targeted);
                    List<String> ccrns = lodger.lodge(
                            direction,
                            laden.size() + (laden.size() + 1) / 2,
                            shipperToken,
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
        out.printf(Locale.ROOT, "set-up: %d consignments lodged in %.1f s%n", lodged, (System.nanoTime() - t0) / 1e9);
    }

    /** Something done to each item against the engine. */
    private interface EngineCall<T> {
        void on(T item) throws Exception;
    }

    /** Does {@code call} for every item on the pool's threads; returns when all are done, failing with the first. */
    private static <T> void inParallel(ExecutorService pool, List<T> items, EngineCall<T> call) throws Exception {
        List<Future<?>> work = new ArrayList<>(items.size());
        for (T item : items) {
            work.add(pool.submit(() -> {
                call.on(item);
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
    }

    private void suspend(Enrolment.Account account) throws Exception {
        engine.postJson(
                        "/api/v1/admin/accounts/" + account.id() + "/suspend",
                        adminToken,
                        new JsonObject().put("reason", "lane simulator: a suspended account's truck must be referred"))
                .expect(200, "suspending account " + account.id());
    }

    /** The lanes' devices, registered by this set-up's admin; gate faults cleared by its supervisor. */
    LaneDeviceSetup laneDevices() {
        return new LaneDeviceSetup(engine, adminToken, supervisor, out);
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
        String page = cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        return engine.get("/api/v1/audit?bundle=" + bundleId + "&limit=500" + page, supervisor)
                .expect(200, "reading the audit of bundle " + bundleId)
                .body();
    }

    private void bundle(SimVehicle v, String direction, boolean empty, String byTrucker) throws Exception {
        JsonObject body = new JsonObject().put("vehicleMark", v.display).put("direction", direction);
        if (empty) {
            body.put("empty", true);
        } else {
            body.put("ccrns", new JsonArray(v.ccrns));
        }
        EngineClient.Answer a =
                engine.postJson("/api/v1/bundles", byTrucker, body).expect(201, "bundling " + v.display);
        v.direction = direction;
        v.emptyBundle = empty;
        v.bundleId = a.text("bundleId");
        v.earliestCrossingAt =
                OffsetDateTime.parse(a.text("earliestCrossingAt")).toInstant();
    }

    /** Puts the vehicle on the watch list (and, if {@code thenLift}, takes it off again). */
    private void watch(SimVehicle v, boolean thenLift) throws Exception {
        EngineClient.Answer added = engine.postJson(
                        "/api/v1/risk/watchlist",
                        supervisor,
                        new JsonObject().put("kind", "VEHICLE").put("value", v.display))
                .expect(201, "watch-listing " + v.display);
        if (thenLift) {
            engine.delete("/api/v1/risk/watchlist/" + added.text("entryId"), supervisor)
                    .expect(200, "lifting the watch on " + v.display);
        }
    }
}
