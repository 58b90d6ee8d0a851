package hk.seamless.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.OptionalLong;

/**
 * Every setting the engine runs with. Defaults are the real-world figures of the rules;
 * {@link ConfigLoader} reads them from a config file and {@code SEAMLESS_*} variables.
 *
 * @param storeCapacity how many records each registry store is sized for (Chronicle Map
 *                      {@code entries}); the real maximum, so sized generously
 * @param journalFsync  force the journal to disk before acknowledging a write (survives a
 *                      power cut, not only a killed process)
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
        long storeCapacity,
        boolean journalFsync,
        int failedBundlingLimit,
        Duration failedBundlingPeriod,
        Duration sessionLifetime,
        PipelineSettings pipeline) {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_BATCH_BYTES = 10 * 1024 * 1024;
    public static final int MAX_BATCH_ROWS = 20_000;
    public static final int MAX_DEVICE_MESSAGE_BYTES = 64 * 1024;

    public EngineConfig {
        controlPoints = List.copyOf(controlPoints);
    }

    public static EngineConfig defaults() {
        return new EngineConfig("0.0.0.0", 8080, Path.of("data"), null,
                Duration.ofMinutes(30), Period.ofDays(14), 0.03, OptionalLong.empty(),
                Duration.ofSeconds(1), HongKongControlPoints.defaults(0.03),
                200_000, true, 10, Duration.ofMinutes(15), Duration.ofHours(12),
                PipelineSettings.defaults());
    }

    public EngineConfig withHttpPort(int port) {
        return new EngineConfig(httpHost, port, dataDir, adminToken, bundlingLead, lodgementWindow,
                randomInspectionRate, randomSeed, fusionWindow, controlPoints, storeCapacity,
                journalFsync, failedBundlingLimit, failedBundlingPeriod, sessionLifetime, pipeline);
    }

    public EngineConfig withDataDir(Path dir) {
        return new EngineConfig(httpHost, httpPort, dir, adminToken, bundlingLead, lodgementWindow,
                randomInspectionRate, randomSeed, fusionWindow, controlPoints, storeCapacity,
                journalFsync, failedBundlingLimit, failedBundlingPeriod, sessionLifetime, pipeline);
    }

    public EngineConfig withStoreCapacity(long capacity) {
        return new EngineConfig(httpHost, httpPort, dataDir, adminToken, bundlingLead, lodgementWindow,
                randomInspectionRate, randomSeed, fusionWindow, controlPoints, capacity,
                journalFsync, failedBundlingLimit, failedBundlingPeriod, sessionLifetime, pipeline);
    }

    public EngineConfig withRandomSelection(double rate, OptionalLong seed) {
        List<ControlPoint> withRate = controlPoints.stream()
                .map(cp -> new ControlPoint(cp.code(), cp.name(), rate, cp.lanes())).toList();
        return new EngineConfig(httpHost, httpPort, dataDir, adminToken, bundlingLead, lodgementWindow,
                rate, seed, fusionWindow, withRate, storeCapacity,
                journalFsync, failedBundlingLimit, failedBundlingPeriod, sessionLifetime, pipeline);
    }

    public EngineConfig withPipeline(PipelineSettings settings) {
        return new EngineConfig(httpHost, httpPort, dataDir, adminToken, bundlingLead, lodgementWindow,
                randomInspectionRate, randomSeed, fusionWindow, controlPoints, storeCapacity,
                journalFsync, failedBundlingLimit, failedBundlingPeriod, sessionLifetime, settings);
    }

    public EngineConfig withAdminToken(String token) {
        return new EngineConfig(httpHost, httpPort, dataDir, token, bundlingLead, lodgementWindow,
                randomInspectionRate, randomSeed, fusionWindow, controlPoints, storeCapacity,
                journalFsync, failedBundlingLimit, failedBundlingPeriod, sessionLifetime, pipeline);
    }
}
