package hk.seamless.lanesim;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Drives arrivals at the lanes, plays the gates, checks every decision, reports latency. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Registers its own SHIPPER, TRUCKER and SUPERVISOR, lodges consignments (batch CSV uploads), registers "
                    + "and bundles vehicles, watch-lists some, registers a CAMERA, RFID reader, GATE (and EMPTY BUTTON) "
                    + "on each lane, then sends arrivals at --rate a second across the lanes for --warmup + --duration, "
                    + "plays every lane's gate (acknowledging each decision: OPENED for RELEASE, else CLOSED), and "
                    + "checks each decision against what the clearance rules say it must be.",
            "OPEN LOOP: each arrival's reads (plate as an OpenALPR document, tag, EMPTY press) are sent when due, "
                    + "whether or not earlier decisions came back; latency runs from that due time to the decision "
                    + "reaching the gate socket (no coordinated omission).",
            "The mix also plays the lane rules about identity and presence: several camera frames of one vehicle "
                    + "(multiframe: one arrival, one decision), a late frame after the decision (repeat: answered 202 "
                    + "repeat, never decided again), an unbundled vehicle whose mark is a look-alike of a bundled one "
                    + "(twin: NO_BUNDLE), candidates below the confidence threshold (lowcand: the confident best plate names nobody registered, NO_BUNDLE), "
                    + "bundles of a trucker or shipper suspended since (suspended: REFER ACCOUNT_SUSPENDED) and a gate "
                    + "that drops (gatedrop: HOLD GATE_UNAVAILABLE while disconnected). The report gives the share of "
                    + "each reason code and the counts per scenario.",
            "Set-up size: every arrival of a scenario that may be RELEASEd (ontime, misread, notag, empty, watchlifted, "
                    + "multiframe, repeat, gatedrop) gets a "
                    + "fresh bundled vehicle, so about rate x (warmup + duration) x their share vehicles, 1.5 CCRNs "
                    + "each, are registered, lodged and bundled before the run (about 2,000 writes a second), plus "
                    + "--vehicles reused ones for the other scenarios.",
            "A non-zero bundling lead time (SEAMLESS_BUNDLING_LEAD, 30 minutes by default) makes every arrival within "
                    + "it EARLY_ARRIVAL, which the oracle expects; start the engine with SEAMLESS_BUNDLING_LEAD=PT0S "
                    + "for traffic that is on time.",
            "Exit status 0 only if no decision was wrong (including random selection out of its bounds) and at "
                    + "least one arrival was decided; 1 otherwise; 2 if the set-up failed."
        })
final class RunCommand implements Callable<Integer> {

    @Option(
            names = "--target",
            paramLabel = "URL",
            description =
                    "Base URL of the engine (standalone), e.g. http://localhost:8080. Every request goes here and nowhere "
                            + "else. Or, for engines in roles, --registry and --lane-engine instead.")
    String target;

    @Option(
            names = "--admin-token",
            paramLabel = "TOKEN",
            description =
                    "The --target engine's admin bearer token (the content of <data>/admin.token), used to approve the "
                            + "simulator's own accounts and register the lane devices.")
    String adminToken;

    @Option(
            names = "--allow-remote-target",
            defaultValue = "false",
            description =
                    "Allow a --target (or --registry, --lane-engine) that is not a loopback address. Off by default, so "
                            + "that a load test cannot be pointed at a shared engine by a typo.")
    boolean allowRemoteTarget;

    @Option(
            names = "--registry",
            paramLabel = "URL",
            description =
                    "Engines in roles (SEAMLESS_ROLE=registry|lane): the registry's base URL. The set-up (accounts, "
                            + "lodgement, vehicles, bundles, watch list, suspensions) is made there, and some ONTIME bundles are made "
                            + "there during the run (each goes to the lanes 1 s after its bundling). Needs --registry-admin-token and "
                            + "one --lane-engine per control point driven; not with --target.")
    String registry;

    @Option(
            names = "--registry-admin-token",
            paramLabel = "TOKEN",
            description = "The registry's admin token (its <data>/admin.token).")
    String registryAdminToken;

    @Option(
            names = "--lane-engine",
            paramLabel = "CP=URL,TOKEN",
            description =
                    "A control point's lane engine, its base URL and its own admin token (its <data>/admin.token), e.g. "
                            + "LMC=http://127.0.0.1:8081,TOKEN; repeated for each control point. Its lanes' devices are registered "
                            + "there and its lanes' reads and gates go there.")
    List<String> laneEngines;

    @Option(
            names = "--outage",
            paramLabel = "LENGTH@START",
            description =
                    "Cut the feed between the registry and the lane engines for LENGTH, starting START after the run's "
                            + "first arrival (warm-up included), e.g. 30s@60s; with --outage-pid or --outage-command. The oracle "
                            + "expects each lane engine to decide from what it could know: bundles made while it was cut off are "
                            + "rightly INSPECT NO_BUNDLE there, bundles it had must still be released.")
    String outage;

    @Option(
            names = "--outage-pid",
            paramLabel = "PID",
            description =
                    "The Kafka broker's process id: the outage freezes it (kill -STOP) and lets it run on (kill -CONT).")
    Long outagePid;

    @Option(
            names = "--outage-command",
            paramLabel = "CMD",
            description =
                    "A shell command that cuts the feed, e.g. 'docker pause kafka' (run with sh -c); with --outage-end-command.")
    String outageCommand;

    @Option(
            names = "--outage-end-command",
            paramLabel = "CMD",
            description =
                    "The shell command that restores the feed, e.g. 'docker unpause kafka'. Run at the outage's end, and "
                            + "whatever happens to the run before the simulator exits.")
    String outageEndCommand;

    @Option(
            names = "--rate",
            defaultValue = "500",
            paramLabel = "N",
            description =
                    "Arrivals a second, spread evenly over time and round-robin over the lanes (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--duration",
            defaultValue = "20s",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "How long arrivals are measured, e.g. 20s, 2m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--warmup",
            defaultValue = "5s",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "Arrivals sent first at the same rate and not counted in latency or throughput "
                    + "(their decisions are still checked) (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(
            names = "--lanes",
            split = ",",
            paramLabel = "LANE",
            description = "Lanes to drive, e.g. LMC-S-01,LMC-N-01 (default: every lane of GET /api/v1/settings). "
                    + "With arrivals without a tag in the mix (notag, lowconf, multiframe, twin, lowcand), one lane per "
                    + "direction is kept for those (at least two lanes); with gatedrop, one more lane is kept whose gate "
                    + "the run disconnects and reconnects in turn (1.5 s each, with 0.5 s guard gaps).")
    List<String> lanes;

    @Option(
            names = "--vehicles",
            defaultValue = "2000",
            paramLabel = "N",
            description =
                    "Vehicles shared by the scenarios that are never released (early, unbundled, mismatch, lowconf, "
                            + "watchlisted, twin, lowcand, suspended), reused once their previous arrival is decided, never at the "
                            + "lane they were last seen at within its presence window (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(
            names = "--transport",
            defaultValue = "ws",
            paramLabel = "ws|http",
            description =
                    "How reads are sent: ws, over each lane's device streams (one WebSocket per device); http, "
                            + "POSTed to the lane's read endpoints. Gates are WebSockets either way (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(
            names = "--mix",
            defaultValue = ScenarioMix.DEFAULT,
            paramLabel = "NAME=W,...",
            description =
                    "Relative weights of the scenarios: ontime (RELEASE), early (EARLY_ARRIVAL), unbundled (NO_BUNDLE), "
                            + "empty (EMPTY bundle and button: RELEASE), misread (look-alike characters resolved: RELEASE), notag "
                            + "(plate only: RELEASE), mismatch (PLATE_TAG_MISMATCH), lowconf (low-confidence plate, no tag: "
                            + "UNIDENTIFIED_VEHICLE), watchlisted (watch-listed after bundling: WATCHLIST), watchlifted (watch-listed "
                            + "after bundling, lifted before arrival: RELEASE), targeted (cargo hit by a GOODS targeting rule made after "
                            + "bundling: RISK_RULE), multiframe (2 to 4 frames of one vehicle, no tag: one "
                            + "RELEASE), repeat (RELEASE, then a late frame: 202 repeat, no decision), twin (unbundled look-alike of a "
                            + "bundled mark, read exactly: NO_BUNDLE), lowcand (confident best plate naming nothing, the mark only "
                            + "among low-confidence candidates: UNIDENTIFIED_VEHICLE), suspended (trucker or shipper suspended after "
                            + "bundling: REFER ACCOUNT_SUSPENDED), gatedrop (RELEASE, or HOLD GATE_UNAVAILABLE while the lane's gate "
                            + "is disconnected). Against an engine without the rules of frames, presence, suspension, gate "
                            + "drops, and without targeting rules at the lane, give only the first ten (default: ${DEFAULT-VALUE}).")
    String mix;

    @Option(
            names = "--presence-window",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description =
                    "How long after a vehicle's last read the engine still takes its reads at that lane for late frames "
                            + "(the engine's SEAMLESS_PRESENCE_WINDOW); a vehicle is never sent back to that lane sooner, unless as a "
                            + "late frame (default: what GET /api/v1/settings tells as presenceWindow, else 10s).")
    Duration presenceWindow;

    @Option(names = "--report", paramLabel = "DIR", description = "Write DIR/report.json and DIR/report.html.")
    Path reportDir;

    @Option(
            names = "--seed",
            defaultValue = "20260101",
            paramLabel = "N",
            description =
                    "Seed of the schedule, the scenario draw and the cargo; the same seed gives the same traffic (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--floor",
            defaultValue = "false",
            description =
                    "First run the same traffic (same client, transport and rate) against a trivial echo server started on "
                            + "loopback, which answers every plate and tag read with a fake decision at once; report the engine's "
                            + "latency as a ratio to that floor (floorLatencyMicros, ratio in report.json).")
    boolean floor;

    @Option(
            names = "--devices",
            split = ",",
            paramLabel = "llrp,modbus",
            description =
                    "Lane devices the engine drives itself, emulated here where --device-config says: llrp, each lane's "
                            + "tags are reported by an emulated LLRP reader (RO_ACCESS_REPORTs) instead of posted; modbus, each lane's "
                            + "boom is an emulated Modbus TCP gate (the engine writes its coil; its loop sees each truck while it is "
                            + "under the boom; its limit switches take 100 ms to move): the trucks drive over it, decisions are heard "
                            + "on the lane stream (needs --transport ws), and the run also checks that no boom rose without a RELEASE "
                            + "for the truck under it and none came down on a truck. With modbus the mix keeps only arrivals with a tag, "
                            + "no gate drops and no late frames (their shares go to ontime): one truck at a time on a loop, gone "
                            + "when it leaves it.")
    List<String> devices;

    @Option(
            names = "--device-config",
            paramLabel = "FILE",
            description =
                    "The engine settings file the engine was started with (--config FILE), as devices-config writes it: "
                            + "where each lane's reader and gate are, so the emulators listen there.")
    Path deviceConfig;

    @Override
    public Integer call() throws Exception {
        if (!List.of("ws", "http").contains(transport)) {
            throw new IllegalArgumentException("--transport must be ws or http");
        }
        java.util.Set<String> kinds = DeviceLanes.kinds(devices);
        if (!kinds.isEmpty() && deviceConfig == null) {
            throw new IllegalArgumentException(
                    "--devices needs --device-config FILE, the settings file the engine was started with");
        }
        if (kinds.contains("modbus") && !"ws".equals(transport)) {
            throw new IllegalArgumentException(
                    "--devices modbus hears the decisions on the lane streams: use --transport ws");
        }
        if (!kinds.isEmpty() && floor) {
            throw new IllegalArgumentException("--floor has no lane devices: run it without --devices");
        }
        Map<String, DeviceLanes.Wiring> wired =
                kinds.isEmpty() ? Map.of() : DeviceLanes.parse(java.nio.file.Files.readString(deviceConfig));
        if (vehicles < 1 || rate <= 0 || duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException(
                    "--rate, --duration and --vehicles must be positive, --warmup not negative");
        }
        SimTopology topology = topology();
        Outage cut =
                Outage.of(outage, outagePid, outageCommand, outageEndCommand, warmup.plus(duration), topology != null);
        if (topology != null && !kinds.isEmpty()) {
            throw new IllegalArgumentException(
                    "--devices drives the lanes of one standalone engine: use --target, not --registry");
        }
        EngineClient engine = topology == null
                ? new EngineClient(EngineTarget.parseGuarded(target, allowRemoteTarget))
                : new EngineClient(topology.registry());
        EngineSetup setup =
                new EngineSetup(engine, topology == null ? adminToken : topology.registryAdminToken(), System.out);
        LaneEngines laneEngineClients = topology == null ? null : LaneEngines.connect(topology, System.out);
        setup.enrol();
        EngineSettings settings = setup.settings();
        if (laneEngineClients != null) {
            settings = settings.withLanes(laneEngineClients.lanes());
        }
        if (presenceWindow != null) {
            settings = settings.withPresenceWindow(presenceWindow);
        }
        List<LaneInfo> chosen = settings.select(lanes);
        ScenarioMix scenarios = ScenarioMix.parse(mix);
        if (kinds.contains("modbus")) {
            // A loop under a boom holds one truck: arrivals without a tag queue at a plate-only lane; a
            // dropped gate would be a lost Modbus connection, a fault only an officer clears; and a truck's
            // presence ends when it leaves the loop, so a late frame of it is rightly a new arrival.
            for (Scenario s : Scenario.values()) {
                if ((!s.tagRead || s == Scenario.GATEDROP || s == Scenario.REPEAT) && scenarios.has(s)) {
                    System.out.println("note: with --devices modbus, " + s.label() + " arrivals go to ontime");
                    scenarios = scenarios.moving(s, Scenario.ONTIME);
                }
            }
        }
        if (settings.bundlingLead().isZero()) {
            if (scenarios.has(Scenario.EARLY)) {
                System.out.println(
                        "note: the engine's bundling lead is zero, so no arrival can be early; the early share goes to ontime");
                scenarios = scenarios.moving(Scenario.EARLY, Scenario.ONTIME);
            }
        } else {
            System.out.println(
                    "hint: the engine's bundling lead is " + settings.bundlingLead() + ": arrivals within it of their "
                            + "bundling are INSPECT EARLY_ARRIVAL, and the oracle expects that; start the engine with "
                            + "SEAMLESS_BUNDLING_LEAD=PT0S for on-time traffic");
        }
        ArrivalSchedule schedule =
                ArrivalSchedule.plan(rate, warmup.toNanos(), duration.toNanos(), chosen, scenarios, seed);
        Map<String, Integer> sizes = VehiclePools.sizes(schedule.counts(chosen), vehicles);
        int total = sizes.values().stream().mapToInt(Integer::intValue).sum();
        String gateDropLane = schedule.gateDropLane() < 0
                ? ""
                : chosen.get(schedule.gateDropLane()).id();
        System.out.printf(
                Locale.ROOT,
                "plan: %d arrivals (%d warm-up) on %d lanes (%s plate-only%s), mix %s; %d vehicles to set up%n",
                schedule.arrivals().size(),
                schedule.arrivals().stream()
                        .filter(ArrivalSchedule.Planned::warmup)
                        .count(),
                chosen.size(),
                schedule.plateOnlyLanes().stream().map(i -> chosen.get(i).id()).toList(),
                gateDropLane.isEmpty() ? "" : ", gate drops on " + gateDropLane,
                scenarios,
                total);

        HttpClient lanesClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long drain = settings.fusionWindow().toNanos() + Duration.ofSeconds(10).toNanos();
        boolean buttons = scenarios.has(Scenario.EMPTY);

        RunResult floorResult = null;
        if (floor) {
            try (FloorServer server = new FloorServer();
                    LaneSockets floorSockets = new LaneSockets()) {
                System.out.println("floor: echo server on " + server.base());
                VehiclePools madeUp = VehiclePools.madeUp(sizes, new VehicleFactory(seed + 1));
                DeviceTokens fake = DeviceTokens.fake(chosen);
                LaneRun run = new LaneRun(
                        chosen,
                        schedule,
                        madeUp,
                        null,
                        settings.randomRates(),
                        seed,
                        settings.confidenceThreshold(),
                        settings.presenceWindow());
                run.connectGates(floorSockets, server.base(), fake);
                ReadSender sender =
                        sender(floorSockets, lanesClient, LaneBases.single(server.base()), chosen, fake, buttons, run);
                floorResult = run.run(sender, drain, System.out, "floor", duration.toNanos());
            }
        }

        // Started before the set-up: the engine calls unreachable devices again with a backoff of up to 10 s.
        LaneEmulators emulators = kinds.isEmpty() ? null : LaneEmulators.start(chosen, wired, kinds);
        RunResult result;
        FeedTimeline timeline = null;
        TopologyTally tally = null;
        FeedWatch watch = null;
        LiveBundler bundler = null;
        FeedCut feedCut = null;
        long[] runStart = {0};
        EnginePipelineWindow pipelineWindow = null;
        DecisionLatencyBuckets enginePipeline = null;
        LaneSockets laneSockets = new LaneSockets();
        try {
            setup.warnAboutWatchlist();
            VehiclePools pools = setup.prepare(
                    sizes,
                    new VehicleFactory(new SecureRandom().nextLong()),
                    seed,
                    topology == null ? 0 : LIVE_BUNDLE_EVERY);
            DeviceTokens tokens = laneEngineClients == null
                    ? setup.registerDevices(chosen, buttons)
                    : setup.registerDevices(
                            chosen,
                            buttons,
                            lane -> laneEngineClients.client(lane.controlPoint()),
                            lane -> topology.laneEngine(lane.controlPoint()).adminToken());
            System.out.println("set-up: devices registered on " + chosen.size() + " lanes");
            if (emulators != null) {
                emulators.awaitEngine(chosen, Duration.ofSeconds(30), System.out);
                if (kinds.contains("modbus")) {
                    setup.clearGateFaults(chosen);
                }
            }
            if (laneEngineClients == null) {
                Thread.sleep(500); // the lane side learns of bundles from the registry's change stream
            } else {
                // Every lane engine must have the set-up (bundles, watch list, suspensions) before the first arrival.
                laneEngineClients.awaitCaughtUp(engine, FEED_CATCH_UP, System.out);
            }
            timeline = laneEngineClients == null ? null : new FeedTimeline();
            LaneRun run = new LaneRun(
                    chosen,
                    schedule,
                    pools,
                    new Oracle(Duration.ofSeconds(2), timeline),
                    settings.randomRates(),
                    seed,
                    settings.confidenceThreshold(),
                    settings.presenceWindow());
            if (kinds.contains("modbus")) {
                run.driveBooms(emulators.gates);
            }
            LaneBases bases = laneEngineClients == null ? LaneBases.single(engine.base()) : laneEngineClients.bases();
            if (laneEngineClients != null) {
                tally = new TopologyTally();
                run.countPerControlPoint(tally);
                watch = new FeedWatch(engine, laneEngineClients.clients(), timeline).start();
                bundler = new LiveBundler(
                        setup,
                        setup.held,
                        pools,
                        LIVE_BUNDLE_TRAVEL,
                        warmup.plus(duration).toNanos(),
                        run::problem);
                feedCut = cut == null ? null : new FeedCut(cut, timeline, System.out);
                LiveBundler startBundles = bundler;
                FeedCut startCut = feedCut;
                run.onStart(start -> {
                    startBundles.start(start);
                    if (startCut != null) {
                        startCut.start(start);
                    }
                    runStart[0] = start;
                });
            } else {
                // One engine: its own pipeline histogram over the measured window, beside the simulator's.
                EnginePipelineWindow window = new EnginePipelineWindow(engine);
                long warmupNanos = warmup.toNanos();
                run.onStart(start -> window.startAt(start + warmupNanos));
                pipelineWindow = window;
            }
            run.connectGates(laneSockets, bases, tokens);
            ReadSender sender = sender(laneSockets, lanesClient, bases, chosen, tokens, buttons, run);
            if (kinds.contains("llrp")) {
                sender = new LlrpTagSender(sender, emulators.readers, run::problem);
            }
            run.lateFrames.postWith(new HttpReadSender(
                    lanesClient, bases, chosen, tokens, run::problem, ReadSender.DeviceListener.NONE, lane -> false));
            result = run.run(sender, drain, System.out, "engine", duration.toNanos());
            if (pipelineWindow != null) {
                enginePipeline = pipelineWindow.finish(problem -> System.out.println("note: " + problem));
            }
        } finally {
            laneSockets.close();
            if (emulators != null) {
                emulators.close();
            }
            if (bundler != null) {
                bundler.close();
            }
            if (feedCut != null) {
                feedCut.close(); // the feed is restored before anything is checked at the registry
            }
            if (watch != null) {
                watch.close();
            }
        }
        TopologyFindings findings = null;
        if (tally != null) {
            System.out.println("checking at the registry that each of the " + tally.releasedBundles.size()
                    + " released bundles was recorded as crossed exactly once ...");
            CrossingCheck.Findings crossings = CrossingCheck.check(setup, tally.releasedBundles, CROSSING_PATIENCE);
            Double from = timeline.wasCut() ? (timeline.cutStartedNanos() - runStart[0]) / 1e9 : null;
            Double to = timeline.wasCut() && timeline.restoreDoneNanos() != Long.MAX_VALUE
                    ? (timeline.restoreDoneNanos() - runStart[0]) / 1e9
                    : null;
            findings = new TopologyFindings(
                    topology.text(),
                    cut == null ? null : cut.text(),
                    from,
                    to,
                    feedCut == null ? null : feedCut.failure(),
                    tally.all(),
                    tally.decidedWhileCut(),
                    bundler.made.get(),
                    bundler.failed.get(),
                    crossings);
        }

        Map<String, String> used = new LinkedHashMap<>();
        used.put("target", topology == null ? engine.base().toString() : topology.text());
        if (cut != null) {
            used.put("outage", cut.text());
        }
        used.put("rate", String.format(Locale.ROOT, "%s", rate));
        used.put("duration", duration.toString());
        used.put("warmup", warmup.toString());
        used.put("lanes", String.join(",", chosen.stream().map(LaneInfo::id).toList()));
        used.put(
                "plateOnlyLanes",
                String.join(
                        ",",
                        schedule.plateOnlyLanes().stream()
                                .map(i -> chosen.get(i).id())
                                .toList()));
        used.put("transport", transport);
        used.put("mix", scenarios.toString());
        used.put("seed", Long.toString(seed));
        used.put("vehicles", Integer.toString(vehicles));
        used.put("bundlingLead", settings.bundlingLead().toString());
        used.put("fusionWindow", settings.fusionWindow().toString());
        used.put("randomRates", settings.randomRates().toString());
        used.put("presenceWindow", settings.presenceWindow().toString());
        used.put("plateConfidenceThreshold", Integer.toString(settings.confidenceThreshold()));
        used.put("gateDropLane", gateDropLane);
        used.put(
                "devices",
                kinds.isEmpty()
                        ? "none"
                        : String.join(",", kinds.stream().sorted().toList()));
        if (deviceConfig != null) {
            used.put("deviceConfig", deviceConfig.toString());
        }
        RunReport report = new RunReport(used, result, floorResult, findings, enginePipeline);
        report.print(System.out);
        if (reportDir != null) {
            System.out.println("report       " + report.write(reportDir));
        }
        return result.passed() && (findings == null || findings.passed()) ? 0 : 1;
    }

    /** Every LIVE_BUNDLE_EVERY-th ONTIME vehicle is bundled during the run (engines in roles only). */
    static final int LIVE_BUNDLE_EVERY = 3;
    /** From a live bundle's answer to its truck at the lanes: the feed has brought it over by then, outside an outage. */
    static final Duration LIVE_BUNDLE_TRAVEL = Duration.ofSeconds(1);

    static final Duration FEED_CATCH_UP = Duration.ofSeconds(60);
    /** How long the registry may take to record the crossings the lane engines kept while cut off. */
    static final Duration CROSSING_PATIENCE = Duration.ofSeconds(60);

    /** The registry and lane engines, or null for the standalone --target; refuses a mix of the two. */
    SimTopology topology() {
        SimTopology t = SimTopology.of(registry, registryAdminToken, laneEngines, allowRemoteTarget);
        if (t != null && (target != null || adminToken != null)) {
            throw new IllegalArgumentException(
                    "--target and --admin-token name one standalone engine; with --registry and "
                            + "--lane-engine leave them out");
        }
        if (t == null && target == null) {
            throw new IllegalArgumentException(
                    "say which engine to drive: --target URL --admin-token TOKEN (standalone), or "
                            + "--registry URL --registry-admin-token TOKEN --lane-engine CP=URL,TOKEN ... (engines in roles)");
        }
        if (t == null && adminToken == null) {
            throw new IllegalArgumentException("--target needs --admin-token TOKEN (the engine's data/admin.token)");
        }
        return t;
    }

    private ReadSender sender(
            LaneSockets sockets,
            HttpClient http,
            LaneBases bases,
            List<LaneInfo> lanes,
            DeviceTokens tokens,
            boolean buttons,
            LaneRun run)
            throws Exception {
        return "ws".equals(transport)
                ? new StreamReadSender(sockets, bases, lanes, tokens, buttons, run::problem, run::onDevice)
                : new HttpReadSender(http, bases, lanes, tokens, run::problem, run::onDevice, run::platesInOrder);
    }
}
