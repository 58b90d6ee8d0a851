package hk.seamless.lanesim;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    // The options, by what they are about; picocli lists them all together, sorted, as one command's.
    @Mixin
    EngineOptions engines;

    @Mixin
    OutageOptions outages;

    @Mixin
    TrafficOptions traffic;

    @Mixin
    DeviceOptions devices;

    @Option(names = "--report", paramLabel = "DIR", description = "Write DIR/report.json and DIR/report.html.")
    Path reportDir;

    @Option(
            names = "--floor",
            defaultValue = "false",
            description =
                    "First run the same traffic (same client, transport and rate) against a trivial echo server started on "
                            + "loopback, which answers every plate and tag read with a fake decision at once; report the engine's "
                            + "latency as a ratio to that floor (floorLatencyMicros, ratio in report.json).")
    boolean floor;

    /**
     * Checks the options (refusing a wrong combination before anything is sent), reaches the
     * engine, plans the run, runs the floor if asked and then the engine, and reports. The exit
     * status is the report's verdict; a set-up that fails throws, which {@link LaneSimulator} turns
     * into exit status 2.
     */
    @Override
    public Integer call() throws Exception {
        traffic.checkTransport();
        Set<String> kinds = devices.kinds();
        if (kinds.contains("modbus") && !"ws".equals(traffic.transport)) {
            throw new IllegalArgumentException(
                    "--devices modbus hears the decisions on the lane streams: use --transport ws");
        }
        if (!kinds.isEmpty() && floor) {
            throw new IllegalArgumentException("--floor has no lane devices: run it without --devices");
        }
        Map<String, DeviceLanes.Wiring> wired = devices.wiring(kinds);
        traffic.checkAmounts();
        SimTopology topology = topology();
        Outage cut = outages.cut(traffic.runLength(), topology != null);
        if (topology != null && !kinds.isEmpty()) {
            throw new IllegalArgumentException(
                    "--devices drives the lanes of one standalone engine: use --target, not --registry");
        }
        EngineClient engine = topology == null
                ? new EngineClient(EngineTarget.parseGuarded(engines.target, engines.allowRemoteTarget))
                : new EngineClient(topology.registry());
        EngineSetup setup = new EngineSetup(
                engine, topology == null ? engines.adminToken : topology.registryAdminToken(), System.out);
        LaneEngines laneEngineClients = topology == null ? null : LaneEngines.connect(topology, System.out);
        setup.enrol();
        RunPlan plan = RunPlan.make(setup.settings(), laneEngineClients, traffic, kinds);

        HttpClient lanesClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        RunResult floorResult = floor ? FloorPhase.run(plan, traffic, lanesClient) : null;
        EnginePhase enginePhase = new EnginePhase(
                engine, setup, laneEngineClients, topology, cut, plan, traffic, kinds, wired, lanesClient);
        RunResult result = enginePhase.run();
        TopologyFindings findings = enginePhase.findings();

        RunReport report = new RunReport(
                SettingsUsed.of(engine, topology, cut, traffic, plan, kinds, devices.deviceConfig),
                result,
                floorResult,
                findings,
                enginePhase.enginePipeline());
        report.print(System.out);
        if (reportDir != null) {
            System.out.println("report       " + report.write(reportDir));
        }
        return result.passed() && (findings == null || findings.passed()) ? 0 : 1;
    }

    /** The registry and lane engines, or null for the standalone --target; refuses a mix of the two. */
    SimTopology topology() {
        return engines.topology();
    }
}
