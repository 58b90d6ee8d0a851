package hk.seamless.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the {@link EngineConfig}: embedded defaults, then the JSON config file (if any), then
 * {@code SEAMLESS_*} environment variables, each layer overriding the one before. A bad value
 * stops the start with a message naming the setting: an engine that guesses is worse than one
 * that refuses.
 */
public final class ConfigLoader {

    private final Map<String, String> env;
    private List<String> unreadVariables = List.of();

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    /** After {@link #load}: the {@code SEAMLESS_*} environment variables that are not settings (typos, for a warning). */
    public List<String> unreadVariables() {
        return unreadVariables;
    }

    public EngineConfig load(Path configFile) {
        SettingLayers settings =
                new SettingLayers(env, configFile == null ? new JsonObject() : SettingLayers.readFile(configFile));
        EngineConfig d = EngineConfig.defaults();
        String host = settings.get("httpHost", "SEAMLESS_HTTP_HOST", d.server().httpHost(), SettingValues::host);
        int port = settings.get("httpPort", "SEAMLESS_HTTP_PORT", d.server().httpPort(), SettingValues::port);
        Path dataDir = settings.get("dataDir", "SEAMLESS_DATA_DIR", d.server().dataDir(), Path::of);
        // Secrets' values are never put in a message: a refused start is printed and logged.
        String adminToken = settings.secret("adminToken", "SEAMLESS_ADMIN_TOKEN", SettingValues::adminToken);
        Duration lead = settings.get(
                "bundlingLead", "SEAMLESS_BUNDLING_LEAD", d.rules().bundlingLead(), SettingValues::duration);
        Period window = settings.get(
                "lodgementWindow", "SEAMLESS_LODGEMENT_WINDOW", d.rules().lodgementWindow(), SettingValues::period);
        double rate = settings.get(
                "randomInspectionRate",
                "SEAMLESS_RANDOM_INSPECTION_RATE",
                d.rules().randomInspectionRate(),
                SettingValues::rate);
        OptionalLong seed = settings.get(
                "randomSeed", "SEAMLESS_RANDOM_SEED", d.rules().randomSeed(), s -> OptionalLong.of(Long.parseLong(s)));
        Duration fusion = settings.get(
                "fusionWindow", "SEAMLESS_FUSION_WINDOW", d.rules().fusionWindow(), SettingValues::duration);
        refuseStoreCapacity(settings);
        StoreSizing sizing = new StoreSizing(
                settings.get("retention", "SEAMLESS_RETENTION", d.sizing().retention(), SettingValues::duration),
                settings.get(
                        "dailyConsignments",
                        "SEAMLESS_DAILY_CONSIGNMENTS",
                        d.sizing().dailyConsignments(),
                        SettingValues::positiveLong));
        boolean fsync =
                settings.get("journalFsync", "SEAMLESS_JOURNAL_FSYNC", d.log().fsync(), SettingValues::bool);
        int failLimit = settings.get(
                "failedBundlingLimit",
                "SEAMLESS_FAILED_BUNDLING_LIMIT",
                d.accounts().failedBundlingLimit(),
                SettingValues::positiveInt);
        Duration failPeriod = settings.get(
                "failedBundlingPeriod",
                "SEAMLESS_FAILED_BUNDLING_PERIOD",
                d.accounts().failedBundlingPeriod(),
                SettingValues::duration);
        Duration sessionLifetime = settings.get(
                "sessionLifetime",
                "SEAMLESS_SESSION_LIFETIME",
                d.accounts().sessionLifetime(),
                SettingValues::atLeastAMillisecond);
        PipelineSettings p = d.pipeline();
        PipelineSettings pipeline = new PipelineSettings(
                settings.get("ringSize", "SEAMLESS_RING_SIZE", p.ringSize(), SettingValues::powerOfTwo),
                settings.get(
                        "plateConfidenceThreshold",
                        "SEAMLESS_PLATE_CONFIDENCE_THRESHOLD",
                        p.plateConfidenceThreshold(),
                        SettingValues::percent),
                settings.get("waitStrategy", "SEAMLESS_WAIT_STRATEGY", p.waitStrategy(), WaitStrategyKind::fromSetting),
                settings.get(
                        "releaseValidity", "SEAMLESS_RELEASE_VALIDITY", p.releaseValidity(), SettingValues::duration),
                settings.get(
                        "tickInterval", "SEAMLESS_TICK_INTERVAL", p.tickInterval(), SettingValues::atLeastAMillisecond),
                settings.get(
                        "presenceWindow",
                        "SEAMLESS_PRESENCE_WINDOW",
                        p.presenceWindow(),
                        SettingValues::atLeastAMillisecond));
        String ivrsSecret =
                settings.secret("ivrsSigningSecret", "SEAMLESS_IVRS_SIGNING_SECRET", SettingValues::signingSecret);
        String ivrsUrl = settings.get("ivrsPublicUrl", "SEAMLESS_IVRS_PUBLIC_URL", null, IvrsWebhook::publicUrl);
        IntakeLimits l = d.limits();
        IntakeLimits limits = new IntakeLimits(
                settings.get(
                        "registrationsPerAddress",
                        "SEAMLESS_REGISTRATIONS_PER_ADDRESS",
                        l.registrationsPerAddress(),
                        SettingValues::positiveInt),
                settings.get(
                        "registrationsOverall",
                        "SEAMLESS_REGISTRATIONS_OVERALL",
                        l.registrationsOverall(),
                        SettingValues::positiveInt),
                settings.get(
                        "registrationPeriod",
                        "SEAMLESS_REGISTRATION_PERIOD",
                        l.registrationPeriod(),
                        SettingValues::duration),
                settings.get(
                        "pendingRegistrationLimit",
                        "SEAMLESS_PENDING_REGISTRATION_LIMIT",
                        l.pendingRegistrationLimit(),
                        SettingValues::positiveInt),
                settings.get(
                        "idempotencyRetention",
                        "SEAMLESS_IDEMPOTENCY_RETENTION",
                        l.idempotencyRetention(),
                        SettingValues::duration),
                settings.get("storeFillAlert", "SEAMLESS_STORE_FILL_ALERT", l.storeFillAlert(), SettingValues::rate));
        HttpLimits h = d.http();
        HttpLimits http = new HttpLimits(
                settings.get("idleTimeout", "SEAMLESS_IDLE_TIMEOUT", h.idleTimeout(), SettingValues::duration),
                settings.get("headerTimeout", "SEAMLESS_HEADER_TIMEOUT", h.headerTimeout(), SettingValues::duration),
                settings.get("bodyTimeout", "SEAMLESS_BODY_TIMEOUT", h.bodyTimeout(), SettingValues::duration),
                settings.get("answerTimeout", "SEAMLESS_ANSWER_TIMEOUT", h.answerTimeout(), SettingValues::duration),
                settings.get(
                        "uploadsInFlight",
                        "SEAMLESS_UPLOADS_IN_FLIGHT",
                        h.uploadsInFlight(),
                        SettingValues::positiveInt),
                settings.get(
                        "uploadsPerAccount",
                        "SEAMLESS_UPLOADS_PER_ACCOUNT",
                        h.uploadsPerAccount(),
                        SettingValues::positiveInt));
        LogSettings g = d.log();
        LogSettings log = new LogSettings(
                settings.get(
                        "logSegmentBytes", "SEAMLESS_LOG_SEGMENT_BYTES", g.segmentBytes(), SettingValues::segmentBytes),
                fsync,
                settings.get(
                        "checkpointInterval",
                        "SEAMLESS_CHECKPOINT_INTERVAL",
                        g.checkpointInterval(),
                        SettingValues::atLeastAMillisecond),
                settings.get("checkpointChanges", "SEAMLESS_CHECKPOINT_CHANGES", g.checkpointChanges(), s ->
                        (long) SettingValues.positiveInt(s)),
                settings.get(
                        "archiveRetention",
                        "SEAMLESS_ARCHIVE_RETENTION",
                        g.archiveRetention(),
                        SettingValues::archiveRetention));
        List<ControlPoint> controlPoints = settings.inFile("controlPoints")
                ? ControlPointsSetting.read(settings.structured("controlPoints"), rate)
                : HongKongControlPoints.defaults(rate);
        Topology topology = topology(settings, controlPoints);
        // A lane engine serves its control point's lanes only; the others are other engines'.
        controlPoints = TopologySetting.served(controlPoints, topology);
        logSettings();
        settings.env("SEAMLESS_LOG_FORMAT"); // read by Logback, checked by logSettings
        settings.env("SEAMLESS_LOG_LEVEL");
        settings.rejectUnknownKeys();
        unreadVariables = settings.unreadVariables();
        // The IVRS webhook checks its two settings together: after each setting and every file key was
        // checked on its own, so that a mistyped key is named before a secret missing its URL.
        return new EngineConfig(
                new ServerSettings(host, port, dataDir, adminToken),
                new RuleFigures(lead, window, rate, seed, fusion),
                controlPoints,
                sizing,
                new AccountLimits(failLimit, failPeriod, sessionLifetime),
                pipeline,
                new IvrsWebhook(ivrsSecret, ivrsUrl),
                limits,
                http,
                log,
                topology);
    }

    private Topology topology(SettingLayers settings, List<ControlPoint> controlPoints) {
        Topology d = Topology.standalone();
        Topology t = new Topology(
                settings.get("role", "SEAMLESS_ROLE", d.role(), EngineRole::parse),
                settings.get("kafkaBootstrap", "SEAMLESS_KAFKA_BOOTSTRAP", null, SettingValues::bootstrapServers),
                settings.get("controlPoint", "SEAMLESS_CONTROL_POINT", null, Function.identity()),
                settings.get("feedTopic", "SEAMLESS_KAFKA_FEED_TOPIC", d.feedTopic(), Function.identity()),
                settings.get(
                        "laneReportsTopic",
                        "SEAMLESS_KAFKA_LANE_REPORTS_TOPIC",
                        d.laneReportsTopic(),
                        Function.identity()),
                settings.get(
                        "kafkaClientConfig", "SEAMLESS_KAFKA_CLIENT_CONFIG", Map.of(), TopologySetting::kafkaClient),
                settings.get("registryUrl", "SEAMLESS_REGISTRY_URL", null, TopologySetting::registryUrl),
                settings.secret("feedToken", "SEAMLESS_FEED_TOKEN", SettingValues::feedToken),
                settings.get(
                        "feedBehindAfter",
                        "SEAMLESS_FEED_BEHIND_AFTER",
                        d.feedBehindAfter(),
                        SettingValues::atLeastAMillisecond));
        TopologySetting.refuseUnused(t.role(), s -> settings.inFile(s.key()) || given(settings.env(s.env())));
        return TopologySetting.check(t, controlPoints);
    }

    /** As {@link SettingLayers} reads it: an environment variable left blank is not set. */
    private static boolean given(String env) {
        return env != null && !env.isBlank();
    }

    /**
     * The stores were once sized by one number of records for every map; they are now sized from the
     * retention period and the daily traffic. A deployment still setting the old one would silently get
     * other sizes, so its start is refused with what to set instead.
     */
    private void refuseStoreCapacity(SettingLayers settings) {
        if (settings.env("SEAMLESS_STORE_CAPACITY") != null) {
            throw new ConfigException(STORE_CAPACITY_GONE.formatted("SEAMLESS_STORE_CAPACITY"));
        }
        if (settings.inFile("storeCapacity")) {
            throw new ConfigException(STORE_CAPACITY_GONE.formatted("config file key 'storeCapacity'"));
        }
    }

    static final String STORE_CAPACITY_GONE = "%s is no longer a setting: the stores are sized from retention"
            + " (SEAMLESS_RETENTION, how long finished records stay, default P90D) and dailyConsignments"
            + " (SEAMLESS_DAILY_CONSIGNMENTS, consignments on a busy day, default 1000); see the settings table in README.md";

    /**
     * The log's format and level are read by Logback itself (logback.xml) before this runs; a value
     * it does not know would silently mean no log at all, so it stops the start here instead.
     */
    private void logSettings() {
        String format = env.get("SEAMLESS_LOG_FORMAT");
        if (format != null && !format.equals("text") && !format.equals("json")) {
            throw new ConfigException("SEAMLESS_LOG_FORMAT has an invalid value '" + format + "': text or json");
        }
        String level = env.get("SEAMLESS_LOG_LEVEL");
        if (level != null && !Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(level)) {
            throw new ConfigException(
                    "SEAMLESS_LOG_LEVEL has an invalid value '" + level + "': ERROR, WARN, INFO, DEBUG or TRACE");
        }
    }
}
