package hk.seamless.config;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * Every setting the engine runs with. Defaults are the real-world figures of the rules;
 * {@link ConfigLoader} reads them from a config file and {@code SEAMLESS_*} variables.
 *
 * @param sizing        what the stores are sized from: the retention period of finished records and
 *                      the daily traffic (see {@link StoreSizing})
 * @param journalFsync  force the journal to disk before acknowledging a write (survives a
 *                      power cut, not only a killed process)
 * @param ivrsSigningSecret the voice platform's signing key (Twilio: the account's auth token);
 *                      when set, the IVRS webhook refuses calls not signed with it. Null: not checked
 * @param ivrsPublicUrl the base URL the voice platform calls the engine at, exactly as configured
 *                      there (the signature covers it), without {@code /ivrs/v1/calls}; see
 *                      {@link #ivrsPublicUrl(String)}
 * @param limits        registration rates, the PENDING cap, idempotency retention, the store fill alert
 * @param http          connection timeouts and upload bounds of the HTTP server
 * @param log           the logs' segment size, checkpoint frequency and archive retention (its
 *                      fsync is {@code journalFsync}'s for the registry, off for the lane log)
 * @param topology      the role of this process (standalone, registry, lane) and the Kafka between them
 */
public record EngineConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        String adminToken,
        Duration bundlingLead,
        Period lodgementWindow,
        double randomInspectionRate,
        OptionalLong randomSeed,
        Duration fusionWindow,
        List<ControlPoint> controlPoints,
        StoreSizing sizing,
        boolean journalFsync,
        int failedBundlingLimit,
        Duration failedBundlingPeriod,
        Duration sessionLifetime,
        PipelineSettings pipeline,
        String ivrsSigningSecret,
        String ivrsPublicUrl,
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
        ivrsPublicUrl = ivrsPublicUrl == null ? null : ivrsPublicUrl(ivrsPublicUrl);
        if (ivrsSigningSecret != null && ivrsSigningSecret.isBlank()) {
            throw new ConfigException("ivrsSigningSecret (SEAMLESS_IVRS_SIGNING_SECRET) is blank: leave it out to not check signatures");
        }
        if (ivrsSigningSecret != null && ivrsPublicUrl == null) {
            throw new ConfigException("ivrsSigningSecret (SEAMLESS_IVRS_SIGNING_SECRET) is set but ivrsPublicUrl"
                    + " (SEAMLESS_IVRS_PUBLIC_URL) is not: the webhook signature covers the URL the voice platform"
                    + " calls, so the engine cannot check it without that URL");
        }
    }

    public static EngineConfig defaults() {
        return new EngineConfig("0.0.0.0", 8080, Path.of("data"), null,
                Duration.ofMinutes(30), Period.ofDays(14), 0.03, OptionalLong.empty(),
                Duration.ofSeconds(1), HongKongControlPoints.defaults(0.03),
                StoreSizing.defaults(), true, 10, Duration.ofMinutes(15), Duration.ofHours(12),
                PipelineSettings.defaults(), null, null, IntakeLimits.defaults(),
                HttpLimits.defaults(), LogSettings.defaults(), Topology.standalone());
    }

    public EngineConfig withHttpPort(int port) {
        return edited(e -> e.httpPort = port);
    }

    public EngineConfig withDataDir(Path dir) {
        return edited(e -> e.dataDir = dir);
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
            e.randomInspectionRate = rate;
            e.randomSeed = seed;
            e.controlPoints = controlPoints.stream().map(cp -> new ControlPoint(cp.code(), cp.name(), rate, cp.lanes())).toList();
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
        return edited(e -> e.adminToken = token);
    }

    public EngineConfig withLimits(IntakeLimits intake) {
        return edited(e -> e.limits = intake);
    }

    /** Signing on (tests; a real start reads both from the config file or environment). */
    public EngineConfig withIvrsSigning(String secret, String publicUrl) {
        return edited(e -> {
            e.ivrsSigningSecret = secret;
            e.ivrsPublicUrl = publicUrl;
        });
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
        Topology checked = TopologySetting.check(t, controlPoints);
        return edited(e -> {
            e.topology = checked;
            e.controlPoints = TopologySetting.served(controlPoints, checked);
        });
    }

    /** This configuration with {@code change} made to a copy: the one place every setting is passed on. */
    private EngineConfig edited(java.util.function.Consumer<Edit> change) {
        Edit edit = new Edit(this);
        change.accept(edit);
        return edit.build();
    }

    /** A configuration being changed: the settings as fields, so that a change names only what it changes. */
    private static final class Edit {
        String httpHost;
        int httpPort;
        Path dataDir;
        String adminToken;
        Duration bundlingLead;
        Period lodgementWindow;
        double randomInspectionRate;
        OptionalLong randomSeed;
        Duration fusionWindow;
        List<ControlPoint> controlPoints;
        StoreSizing sizing;
        boolean journalFsync;
        int failedBundlingLimit;
        Duration failedBundlingPeriod;
        Duration sessionLifetime;
        PipelineSettings pipeline;
        String ivrsSigningSecret;
        String ivrsPublicUrl;
        IntakeLimits limits;
        HttpLimits http;
        LogSettings log;
        Topology topology;

        Edit(EngineConfig c) {
            httpHost = c.httpHost;
            httpPort = c.httpPort;
            dataDir = c.dataDir;
            adminToken = c.adminToken;
            bundlingLead = c.bundlingLead;
            lodgementWindow = c.lodgementWindow;
            randomInspectionRate = c.randomInspectionRate;
            randomSeed = c.randomSeed;
            fusionWindow = c.fusionWindow;
            controlPoints = c.controlPoints;
            sizing = c.sizing;
            journalFsync = c.journalFsync;
            failedBundlingLimit = c.failedBundlingLimit;
            failedBundlingPeriod = c.failedBundlingPeriod;
            sessionLifetime = c.sessionLifetime;
            pipeline = c.pipeline;
            ivrsSigningSecret = c.ivrsSigningSecret;
            ivrsPublicUrl = c.ivrsPublicUrl;
            limits = c.limits;
            http = c.http;
            log = c.log;
            topology = c.topology;
        }

        EngineConfig build() {
            return new EngineConfig(httpHost, httpPort, dataDir, adminToken, bundlingLead, lodgementWindow,
                    randomInspectionRate, randomSeed, fusionWindow, controlPoints, sizing, journalFsync,
                    failedBundlingLimit, failedBundlingPeriod, sessionLifetime, pipeline, ivrsSigningSecret,
                    ivrsPublicUrl, limits, http, log, topology);
        }
    }

    /**
     * Checks a public URL and drops its trailing {@code /}. An absolute http(s) URL with a host, and
     * a path only as a prefix in front of the engine's own paths (a proxy that strips it): the
     * signed URL is this followed by the request's path and query, so a query, fragment, user
     * information or the webhook path itself would make every signature fail.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String ivrsPublicUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.getRawAuthority() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("an absolute http or https URL with a host, such as https://ivrs.example.hk");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the base URL only: no user:password@, ?query or #fragment");
        }
        String base = url.replaceAll("/+$", "");
        if (base.endsWith("/ivrs/v1/calls")) {
            throw new IllegalArgumentException("the base URL, without /ivrs/v1/calls (the engine adds the request's path)");
        }
        return base;
    }

    /** The generated one would print the secrets, and a configuration is the kind of thing that gets logged. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "EngineConfig[", "]");
        for (RecordComponent component : EngineConfig.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            boolean secret = component.getName().equals("adminToken") || component.getName().equals("ivrsSigningSecret");
            out.add(component.getName() + "=" + (secret && value != null ? "(set)" : value));
        }
        return out.toString();
    }
}
