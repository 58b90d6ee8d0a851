package hk.seamless.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
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
    /** The file's keys a setting has read: any other key is a typo, refused rather than ignored. */
    private final Set<String> read = new HashSet<>();

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public EngineConfig load(Path configFile) {
        JsonObject file = configFile == null ? new JsonObject() : readFile(configFile);
        EngineConfig d = EngineConfig.defaults();
        String host = setting(file, "httpHost", "SEAMLESS_HTTP_HOST", d.server().httpHost(), Function.identity());
        int port = setting(file, "httpPort", "SEAMLESS_HTTP_PORT", d.server().httpPort(), ConfigLoader::port);
        Path dataDir = setting(file, "dataDir", "SEAMLESS_DATA_DIR", d.server().dataDir(), Path::of);
        // Secrets' values are never put in a message: a refused start is printed and logged.
        String adminToken = setting(file, "adminToken", "SEAMLESS_ADMIN_TOKEN", null, ConfigLoader::adminToken, false);
        Duration lead = setting(
                file, "bundlingLead", "SEAMLESS_BUNDLING_LEAD", d.rules().bundlingLead(), ConfigLoader::duration);
        Period window = setting(
                file,
                "lodgementWindow",
                "SEAMLESS_LODGEMENT_WINDOW",
                d.rules().lodgementWindow(),
                ConfigLoader::period);
        double rate = setting(
                file,
                "randomInspectionRate",
                "SEAMLESS_RANDOM_INSPECTION_RATE",
                d.rules().randomInspectionRate(),
                ConfigLoader::rate);
        OptionalLong seed = setting(
                file,
                "randomSeed",
                "SEAMLESS_RANDOM_SEED",
                d.rules().randomSeed(),
                s -> OptionalLong.of(Long.parseLong(s)));
        Duration fusion = setting(
                file, "fusionWindow", "SEAMLESS_FUSION_WINDOW", d.rules().fusionWindow(), ConfigLoader::duration);
        refuseStoreCapacity(file);
        StoreSizing sizing = new StoreSizing(
                setting(file, "retention", "SEAMLESS_RETENTION", d.sizing().retention(), ConfigLoader::duration),
                setting(
                        file,
                        "dailyConsignments",
                        "SEAMLESS_DAILY_CONSIGNMENTS",
                        d.sizing().dailyConsignments(),
                        s -> positive(Long.parseLong(s))));
        boolean fsync =
                setting(file, "journalFsync", "SEAMLESS_JOURNAL_FSYNC", d.log().fsync(), ConfigLoader::bool);
        int failLimit = setting(
                file,
                "failedBundlingLimit",
                "SEAMLESS_FAILED_BUNDLING_LIMIT",
                d.accounts().failedBundlingLimit(),
                s -> positive(Integer.parseInt(s)));
        Duration failPeriod = setting(
                file,
                "failedBundlingPeriod",
                "SEAMLESS_FAILED_BUNDLING_PERIOD",
                d.accounts().failedBundlingPeriod(),
                ConfigLoader::duration);
        Duration sessionLifetime = setting(
                file,
                "sessionLifetime",
                "SEAMLESS_SESSION_LIFETIME",
                d.accounts().sessionLifetime(),
                ConfigLoader::atLeastAMillisecond);
        PipelineSettings p = d.pipeline();
        PipelineSettings pipeline = new PipelineSettings(
                setting(file, "ringSize", "SEAMLESS_RING_SIZE", p.ringSize(), ConfigLoader::powerOfTwo),
                setting(
                        file,
                        "plateConfidenceThreshold",
                        "SEAMLESS_PLATE_CONFIDENCE_THRESHOLD",
                        p.plateConfidenceThreshold(),
                        ConfigLoader::percent),
                setting(file, "waitStrategy", "SEAMLESS_WAIT_STRATEGY", p.waitStrategy(), ConfigLoader::waitStrategy),
                setting(
                        file,
                        "releaseValidity",
                        "SEAMLESS_RELEASE_VALIDITY",
                        p.releaseValidity(),
                        ConfigLoader::duration),
                setting(
                        file,
                        "tickInterval",
                        "SEAMLESS_TICK_INTERVAL",
                        p.tickInterval(),
                        ConfigLoader::atLeastAMillisecond),
                setting(
                        file,
                        "presenceWindow",
                        "SEAMLESS_PRESENCE_WINDOW",
                        p.presenceWindow(),
                        ConfigLoader::atLeastAMillisecond));
        String ivrsSecret = setting(
                file, "ivrsSigningSecret", "SEAMLESS_IVRS_SIGNING_SECRET", null, ConfigLoader::signingSecret, false);
        String ivrsUrl = setting(file, "ivrsPublicUrl", "SEAMLESS_IVRS_PUBLIC_URL", null, IvrsWebhook::publicUrl);
        IntakeLimits l = d.limits();
        IntakeLimits limits = new IntakeLimits(
                setting(
                        file,
                        "registrationsPerAddress",
                        "SEAMLESS_REGISTRATIONS_PER_ADDRESS",
                        l.registrationsPerAddress(),
                        s -> positive(Integer.parseInt(s))),
                setting(
                        file,
                        "registrationsOverall",
                        "SEAMLESS_REGISTRATIONS_OVERALL",
                        l.registrationsOverall(),
                        s -> positive(Integer.parseInt(s))),
                setting(
                        file,
                        "registrationPeriod",
                        "SEAMLESS_REGISTRATION_PERIOD",
                        l.registrationPeriod(),
                        ConfigLoader::duration),
                setting(
                        file,
                        "pendingRegistrationLimit",
                        "SEAMLESS_PENDING_REGISTRATION_LIMIT",
                        l.pendingRegistrationLimit(),
                        s -> positive(Integer.parseInt(s))),
                setting(
                        file,
                        "idempotencyRetention",
                        "SEAMLESS_IDEMPOTENCY_RETENTION",
                        l.idempotencyRetention(),
                        ConfigLoader::duration),
                setting(file, "storeFillAlert", "SEAMLESS_STORE_FILL_ALERT", l.storeFillAlert(), ConfigLoader::rate));
        HttpLimits h = d.http();
        HttpLimits http = new HttpLimits(
                setting(file, "idleTimeout", "SEAMLESS_IDLE_TIMEOUT", h.idleTimeout(), ConfigLoader::duration),
                setting(file, "headerTimeout", "SEAMLESS_HEADER_TIMEOUT", h.headerTimeout(), ConfigLoader::duration),
                setting(file, "bodyTimeout", "SEAMLESS_BODY_TIMEOUT", h.bodyTimeout(), ConfigLoader::duration),
                setting(file, "answerTimeout", "SEAMLESS_ANSWER_TIMEOUT", h.answerTimeout(), ConfigLoader::duration),
                setting(
                        file,
                        "uploadsInFlight",
                        "SEAMLESS_UPLOADS_IN_FLIGHT",
                        h.uploadsInFlight(),
                        s -> positive(Integer.parseInt(s))),
                setting(
                        file,
                        "uploadsPerAccount",
                        "SEAMLESS_UPLOADS_PER_ACCOUNT",
                        h.uploadsPerAccount(),
                        s -> positive(Integer.parseInt(s))));
        LogSettings g = d.log();
        LogSettings log = new LogSettings(
                setting(
                        file,
                        "logSegmentBytes",
                        "SEAMLESS_LOG_SEGMENT_BYTES",
                        g.segmentBytes(),
                        ConfigLoader::segmentBytes),
                fsync,
                setting(
                        file,
                        "checkpointInterval",
                        "SEAMLESS_CHECKPOINT_INTERVAL",
                        g.checkpointInterval(),
                        ConfigLoader::atLeastAMillisecond),
                setting(file, "checkpointChanges", "SEAMLESS_CHECKPOINT_CHANGES", g.checkpointChanges(), s ->
                        (long) positive(Integer.parseInt(s))),
                setting(
                        file,
                        "archiveRetention",
                        "SEAMLESS_ARCHIVE_RETENTION",
                        g.archiveRetention(),
                        ConfigLoader::archiveRetention));
        List<ControlPoint> controlPoints = file.containsKey("controlPoints")
                ? ControlPointsSetting.read(file.getValue("controlPoints"), rate)
                : HongKongControlPoints.defaults(rate);
        read.add("controlPoints");
        Topology topology = topology(file, controlPoints);
        // A lane engine serves its control point's lanes only; the others are other engines'.
        controlPoints = TopologySetting.served(controlPoints, topology);
        logSettings();
        rejectUnknownKeys(file);
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

    private Topology topology(JsonObject file, List<ControlPoint> controlPoints) {
        Topology d = Topology.standalone();
        Topology t = new Topology(
                setting(file, "role", "SEAMLESS_ROLE", d.role(), EngineRole::parse),
                setting(file, "kafkaBootstrap", "SEAMLESS_KAFKA_BOOTSTRAP", null, Function.identity()),
                setting(file, "controlPoint", "SEAMLESS_CONTROL_POINT", null, Function.identity()),
                setting(file, "feedTopic", "SEAMLESS_KAFKA_FEED_TOPIC", d.feedTopic(), Function.identity()),
                setting(
                        file,
                        "laneReportsTopic",
                        "SEAMLESS_KAFKA_LANE_REPORTS_TOPIC",
                        d.laneReportsTopic(),
                        Function.identity()),
                setting(
                        file,
                        "kafkaClientConfig",
                        "SEAMLESS_KAFKA_CLIENT_CONFIG",
                        Map.of(),
                        TopologySetting::kafkaClient),
                setting(file, "registryUrl", "SEAMLESS_REGISTRY_URL", null, TopologySetting::registryUrl),
                setting(file, "feedToken", "SEAMLESS_FEED_TOKEN", null, ConfigLoader::feedToken, false),
                setting(
                        file,
                        "feedBehindAfter",
                        "SEAMLESS_FEED_BEHIND_AFTER",
                        d.feedBehindAfter(),
                        ConfigLoader::atLeastAMillisecond));
        return TopologySetting.check(t, controlPoints);
    }

    private <T> T setting(JsonObject file, String key, String envName, T fallback, Function<String, T> parse) {
        return setting(file, key, envName, fallback, parse, true);
    }

    private <T> T setting(
            JsonObject file, String key, String envName, T fallback, Function<String, T> parse, boolean quoteValue) {
        read.add(key);
        String fromEnv = env.get(envName);
        String raw = fromEnv != null ? fromEnv : file.containsKey(key) ? String.valueOf(file.getValue(key)) : null;
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(raw.trim());
        } catch (NumberFormatException e) {
            String where = fromEnv != null ? envName : "config file key '" + key + "'";
            throw new ConfigException(
                    where + " has an invalid value" + (quoteValue ? " '" + raw + "'" : "") + ": not a number");
        } catch (RuntimeException e) {
            String where = fromEnv != null ? envName : "config file key '" + key + "'";
            throw new ConfigException(
                    where + " has an invalid value" + (quoteValue ? " '" + raw + "'" : "") + ": " + e.getMessage());
        }
    }

    /**
     * The stores were once sized by one number of records for every map; they are now sized from the
     * retention period and the daily traffic. A deployment still setting the old one would silently get
     * other sizes, so its start is refused with what to set instead.
     */
    private void refuseStoreCapacity(JsonObject file) {
        if (env.containsKey("SEAMLESS_STORE_CAPACITY")) {
            throw new ConfigException(STORE_CAPACITY_GONE.formatted("SEAMLESS_STORE_CAPACITY"));
        }
        if (file.containsKey("storeCapacity")) {
            throw new ConfigException(STORE_CAPACITY_GONE.formatted("config file key 'storeCapacity'"));
        }
    }

    static final String STORE_CAPACITY_GONE = "%s is no longer a setting: the stores are sized from retention"
            + " (SEAMLESS_RETENTION, how long finished records stay, default P90D) and dailyConsignments"
            + " (SEAMLESS_DAILY_CONSIGNMENTS, consignments on a busy day, default 1000); see the settings table in README.md";

    private void rejectUnknownKeys(JsonObject file) {
        for (String key : file.fieldNames()) {
            if (!read.contains(key)) {
                throw new ConfigException(
                        "config file key '" + key + "' is not a setting (see the settings table in README.md)");
            }
        }
    }

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

    private static JsonObject readFile(Path file) {
        try {
            return new JsonObject(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        } catch (DecodeException | ClassCastException e) {
            throw new ConfigException("config file " + file + " is not a JSON object: " + e.getMessage());
        }
    }

    private static int port(String s) {
        int port = Integer.parseInt(s);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 to 65535");
        }
        return port;
    }

    private static String adminToken(String s) {
        if (s.length() < 22) {
            throw new IllegalArgumentException("an admin token needs at least 22 characters (128 bits)");
        }
        return s;
    }

    private static String feedToken(String s) {
        if (s.length() < 22) {
            throw new IllegalArgumentException("a feed token needs at least 22 characters (128 bits)");
        }
        return s;
    }

    private static String signingSecret(String s) {
        if (s.length() < 16) {
            throw new IllegalArgumentException(
                    "a signing secret needs at least 16 characters (a Twilio auth token has 32)");
        }
        return s;
    }

    private static Duration duration(String s) {
        try {
            Duration d = Duration.parse(s);
            if (d.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 duration such as PT30M");
        }
    }

    private static Duration atLeastAMillisecond(String s) {
        Duration d = duration(s);
        if (d.toMillis() < 1) {
            throw new IllegalArgumentException("at least PT0.001S");
        }
        return d;
    }

    private static Period period(String s) {
        try {
            Period p = Period.parse(s);
            if (p.isNegative() || p.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return p;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 period such as P14D");
        }
    }

    private static double rate(String s) {
        double rate = Double.parseDouble(s);
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a rate is between 0 and 1");
        }
        return rate;
    }

    private static long segmentBytes(String s) {
        long n = Long.parseLong(s);
        if (n < 1024 * 1024 || n > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException("from 1048576 (1 MiB) to 1073741824 (1 GiB)");
        }
        return n;
    }

    /** "never" (the default: customs keep records for years) or an ISO-8601 duration such as P3650D. */
    private static Duration archiveRetention(String s) {
        if (s.equalsIgnoreCase("never")) {
            return null;
        }
        Duration d = duration(s);
        if (d.toDays() < 1) {
            throw new IllegalArgumentException("at least P1D, or never");
        }
        return d;
    }

    private static boolean bool(String s) {
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("true or false");
        }
        return Boolean.parseBoolean(s);
    }

    private static int powerOfTwo(String s) {
        int n = Integer.parseInt(s);
        if (n < 64 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("a power of two, at least 64");
        }
        return n;
    }

    private static int percent(String s) {
        int n = Integer.parseInt(s);
        if (n < 0 || n > 100) {
            throw new IllegalArgumentException("0 to 100");
        }
        return n;
    }

    private static WaitStrategyKind waitStrategy(String s) {
        return WaitStrategyKind.fromSetting(s);
    }

    private static long positive(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return n;
    }

    private static int positive(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return n;
    }
}
