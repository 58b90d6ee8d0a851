package hk.seamless.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Every setting the engine runs with, in groups of settings that are read and changed together.
 * Defaults are the real-world figures of the rules; {@link ConfigLoader} reads them from a config
 * file and {@code SEAMLESS_*} variables (the settings table in README.md names each by both). Its
 * text never shows a secret: the groups holding one ({@link ServerSettings}, {@link IvrsWebhook},
 * {@link Topology}) print it as {@code (set)}.
 *
 * @param server        where the engine listens and keeps its data, and the admin token
 * @param rules         the figures the clearance rules are applied with (see {@link RuleFigures})
 * @param controlPoints the control points this engine serves, with their lanes, devices and
 *                      random-inspection rates: a group of its own, shaped by both the rules (the
 *                      default rate) and the topology (a lane engine serves one control point)
 * @param sizing        what the stores are sized from: the retention period of finished records and
 *                      the daily traffic (see {@link StoreSizing})
 * @param accounts      failed bundling attempts allowed to an account, and how long a sign-in lasts
 * @param pipeline      how the lane pipeline runs
 * @param ivrs          how calls to the IVRS webhook are checked (see {@link IvrsWebhook})
 * @param limits        registration rates, the PENDING cap, idempotency retention, the store fill alert
 * @param http          connection timeouts and upload bounds of the HTTP server
 * @param log           the logs' segment size, registry fsync ({@code journalFsync}), checkpoint
 *                      frequency and archive retention
 * @param topology      the role of this process (standalone, registry, lane) and the Kafka between them
 */
public record EngineConfig(
        ServerSettings server,
        RuleFigures rules,
        List<ControlPoint> controlPoints,
        StoreSizing sizing,
        AccountLimits accounts,
        PipelineSettings pipeline,
        IvrsWebhook ivrs,
        IntakeLimits limits,
        HttpLimits http,
        LogSettings log,
        Topology topology) {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_BATCH_BYTES = 10 * 1024 * 1024;
    public static final int MAX_BATCH_ROWS = 20_000;
    public static final int MAX_DEVICE_MESSAGE_BYTES = 64 * 1024;

    public EngineConfig {
        controlPoints = List.copyOf(controlPoints);
    }

    public static EngineConfig defaults() {
        RuleFigures rules = RuleFigures.defaults();
        return new EngineConfig(
                ServerSettings.defaults(),
                rules,
                HongKongControlPoints.defaults(rules.randomInspectionRate()),
                StoreSizing.defaults(),
                AccountLimits.defaults(),
                PipelineSettings.defaults(),
                IvrsWebhook.unsigned(),
                IntakeLimits.defaults(),
                HttpLimits.defaults(),
                LogSettings.defaults(),
                Topology.standalone());
    }

    public EngineConfig withHttpPort(int port) {
        return edited(e -> e.server = server.withHttpPort(port));
    }

    public EngineConfig withDataDir(Path dir) {
        return edited(e -> e.server = server.withDataDir(dir));
    }

    /** How long finished records stay in the hot maps before they move to the archive. */
    public Duration retention() {
        return sizing.retention();
    }

    /** Stores sized for this many consignments a day (tests use small ones: small maps open fast). */
    public EngineConfig withDailyConsignments(long daily) {
        return edited(e -> e.sizing = new StoreSizing(sizing.retention(), daily));
    }

    /** One random-inspection rate for every control point, and the seed of the draws (reproducible runs). */
    public EngineConfig withRandomSelection(double rate, OptionalLong seed) {
        return edited(e -> {
            e.rules = rules.withRandomSelection(rate, seed);
            e.controlPoints = controlPoints.stream()
                    .map(cp -> new ControlPoint(cp.code(), cp.name(), rate, cp.lanes()))
                    .toList();
        });
    }

    /** Other control points and lanes (tests give lanes devices the engine drives). */
    public EngineConfig withControlPoints(List<ControlPoint> points) {
        return edited(e -> e.controlPoints = points);
    }

    public EngineConfig withPipeline(PipelineSettings settings) {
        return edited(e -> e.pipeline = settings);
    }

    public EngineConfig withAdminToken(String token) {
        return edited(e -> e.server = server.withAdminToken(token));
    }

    public EngineConfig withLimits(IntakeLimits intake) {
        return edited(e -> e.limits = intake);
    }

    /** Signing on (tests; a real start reads both from the config file or environment). */
    public EngineConfig withIvrsSigning(String secret, String publicUrl) {
        return edited(e -> e.ivrs = new IvrsWebhook(secret, publicUrl));
    }

    /** Other connection timeouts or upload bounds (tests use short ones). */
    public EngineConfig withHttpLimits(HttpLimits httpLimits) {
        return edited(e -> e.http = httpLimits);
    }

    /** Other log segment, checkpoint or retention settings (tests use tiny ones). */
    public EngineConfig withLog(LogSettings settings) {
        return edited(e -> e.log = settings);
    }

    /** Another role among the processes of a deployment (tests; a real start reads the settings). */
    public EngineConfig withTopology(Topology t) {
        TopologySetting.refuseUnused(t.role(), setting -> setting.setIn(t));
        Topology checked = TopologySetting.check(t, controlPoints);
        return edited(e -> {
            e.topology = checked;
            e.controlPoints = TopologySetting.served(controlPoints, checked);
        });
    }

    /** This configuration with {@code change} made to a copy: the one place every group is passed on. */
    private EngineConfig edited(java.util.function.Consumer<Edit> change) {
        Edit edit = new Edit(this);
        change.accept(edit);
        return edit.build();
    }

    /** A configuration being changed: the groups as fields, so that a change names only what it changes. */
    private static final class Edit {
        ServerSettings server;
        RuleFigures rules;
        List<ControlPoint> controlPoints;
        StoreSizing sizing;
        AccountLimits accounts;
        PipelineSettings pipeline;
        IvrsWebhook ivrs;
        IntakeLimits limits;
        HttpLimits http;
        LogSettings log;
        Topology topology;

        Edit(EngineConfig c) {
            server = c.server;
            rules = c.rules;
            controlPoints = c.controlPoints;
            sizing = c.sizing;
            accounts = c.accounts;
            pipeline = c.pipeline;
            ivrs = c.ivrs;
            limits = c.limits;
            http = c.http;
            log = c.log;
            topology = c.topology;
        }

        EngineConfig build() {
            return new EngineConfig(
                    server, rules, controlPoints, sizing, accounts, pipeline, ivrs, limits, http, log, topology);
        }
    }
}
