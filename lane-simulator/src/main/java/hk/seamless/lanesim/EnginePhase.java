package hk.seamless.lanesim;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The measured run against the engine (or a registry and its lane engines): sets up the accounts,
 * vehicles, bundles and lane devices, starts the emulated devices, waits for the lane side to have
 * the set-up, plays the planned traffic with the {@link Oracle} judging each decision, and closes
 * all it started, whatever happened. Against engines in roles it also bundles vehicles during the
 * run, watches the feed, plays the outage, and afterwards checks the crossings at the registry
 * ({@link #findings}); against one engine it reads the engine's own pipeline histogram over the
 * measured window.
 */
final class EnginePhase {

    /** Every LIVE_BUNDLE_EVERY-th ONTIME vehicle is bundled during the run (engines in roles only). */
    static final int LIVE_BUNDLE_EVERY = 3;
    /** From a live bundle's answer to its truck at the lanes: the feed has brought it over by then, outside an outage. */
    static final Duration LIVE_BUNDLE_TRAVEL = Duration.ofSeconds(1);

    static final Duration FEED_CATCH_UP = Duration.ofSeconds(60);
    /** How long the registry may take to record the crossings the lane engines kept while cut off. */
    static final Duration CROSSING_PATIENCE = Duration.ofSeconds(60);

    private final EngineClient engine;
    private final EngineSetup setup;
    /** The lane engines (engines in roles), or null for one standalone engine. */
    private final LaneEngines laneEngineClients;
    /** Null for one standalone engine. */
    private final SimTopology topology;
    /** Null without an outage. */
    private final Outage cut;

    private final RunPlan plan;
    private final TrafficOptions traffic;
    private final Set<String> kinds;
    private final Map<String, DeviceLanes.Wiring> wired;
    private final HttpClient lanesClient;

    // What the run leaves for the checks after it (engines in roles) and the report.
    private FeedTimeline timeline;
    private TopologyTally tally;
    private LiveBundler bundler;
    private FeedCut feedCut;
    private long runStart;
    private DecisionLatencyBuckets enginePipeline;

    EnginePhase(
            EngineClient engine,
            EngineSetup setup,
            LaneEngines laneEngineClients,
            SimTopology topology,
            Outage cut,
            RunPlan plan,
            TrafficOptions traffic,
            Set<String> kinds,
            Map<String, DeviceLanes.Wiring> wired,
            HttpClient lanesClient) {
        this.engine = engine;
        this.setup = setup;
        this.laneEngineClients = laneEngineClients;
        this.topology = topology;
        this.cut = cut;
        this.plan = plan;
        this.traffic = traffic;
        this.kinds = kinds;
        this.wired = wired;
        this.lanesClient = lanesClient;
    }

    RunResult run() throws Exception {
        List<LaneInfo> chosen = plan.lanes();
        EngineSettings settings = plan.settings();
        boolean buttons = plan.buttons();
        // Started before the set-up: the engine calls unreachable devices again with a backoff of up to 10 s.
        LaneEmulators emulators = kinds.isEmpty() ? null : LaneEmulators.start(chosen, wired, kinds);
        RunResult result;
        FeedWatch watch = null;
        EnginePipelineWindow pipelineWindow = null;
        LaneSockets laneSockets = new LaneSockets();
        try {
            setup.warnAboutWatchlist();
            VehiclePools pools = setup.prepare(
                    plan.sizes(),
                    new VehicleFactory(new SecureRandom().nextLong()),
                    traffic.seed,
                    topology == null ? 0 : LIVE_BUNDLE_EVERY);
            DeviceTokens tokens = laneEngineClients == null
                    ? setup.laneDevices().register(chosen, buttons)
                    : setup.laneDevices()
                            .register(
                                    chosen,
                                    buttons,
                                    lane -> laneEngineClients.client(lane.controlPoint()),
                                    lane -> topology.laneEngine(lane.controlPoint())
                                            .adminToken());
            System.out.println("set-up: devices registered on " + chosen.size() + " lanes");
            if (emulators != null) {
                emulators.awaitEngine(chosen, Duration.ofSeconds(30), System.out);
                if (kinds.contains("modbus")) {
                    setup.laneDevices().clearGateFaults(chosen);
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
                    plan.schedule(),
                    pools,
                    new Oracle(Duration.ofSeconds(2), timeline),
                    settings.randomRates(),
                    traffic.seed,
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
                        traffic.runLength().toNanos(),
                        run::problem);
                feedCut = cut == null ? null : new FeedCut(cut, timeline, System.out);
                LiveBundler startBundles = bundler;
                FeedCut startCut = feedCut;
                run.onStart(start -> {
                    startBundles.start(start);
                    if (startCut != null) {
                        startCut.start(start);
                    }
                    runStart = start;
                });
            } else {
                // One engine: its own pipeline histogram over the measured window, beside the simulator's.
                EnginePipelineWindow window = new EnginePipelineWindow(engine);
                long warmupNanos = traffic.warmup.toNanos();
                run.onStart(start -> window.startAt(start + warmupNanos));
                pipelineWindow = window;
            }
            run.connectGates(laneSockets, bases, tokens);
            ReadSender sender =
                    ReadSender.over(traffic.transport, laneSockets, lanesClient, bases, chosen, tokens, buttons, run);
            if (kinds.contains("llrp")) {
                sender = new LlrpTagSender(sender, emulators.readers, run::problem);
            }
            run.lateFrames.postWith(new HttpReadSender(
                    lanesClient, bases, chosen, tokens, run::problem, ReadSender.DeviceListener.NONE, lane -> false));
            result = run.run(sender, plan.drainNanos(), System.out, "engine", traffic.duration.toNanos());
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
        return result;
    }

    /** One engine's own pipeline histogram over the measured window; null for engines in roles. */
    DecisionLatencyBuckets enginePipeline() {
        return enginePipeline;
    }

    /**
     * After {@link #run}, for engines in roles (null for one engine): the counts per control point,
     * the outage as played, the bundles made during the run, and whether the registry recorded each
     * released bundle as crossed exactly once (waiting for what the lane engines kept while cut off).
     */
    TopologyFindings findings() throws Exception {
        if (tally == null) {
            return null;
        }
        System.out.println("checking at the registry that each of the " + tally.releasedBundles.size()
                + " released bundles was recorded as crossed exactly once ...");
        CrossingCheck.Findings crossings = CrossingCheck.check(setup, tally.releasedBundles, CROSSING_PATIENCE);
        Double from = timeline.wasCut() ? (timeline.cutStartedNanos() - runStart) / 1e9 : null;
        Double to = timeline.wasCut() && timeline.restoreDoneNanos() != Long.MAX_VALUE
                ? (timeline.restoreDoneNanos() - runStart) / 1e9
                : null;
        return new TopologyFindings(
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
}
