package hk.seamless.engine;

import hk.seamless.config.EngineConfig;
import hk.seamless.log.LegacyJournal;
import hk.seamless.log.SegmentedLog;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lane log opened at start ({@code <data>/log/lane}), with an old {@code journal/lane.journal}
 * imported once. Not forced per entry (see the pipeline's decision journal): its checkpoint only
 * spares a start the reading of old entries.
 */
final class LaneLogStart {

    private static final Logger LOG = LoggerFactory.getLogger(LaneLogStart.class);

    private LaneLogStart() {}

    static SegmentedLog open(EngineConfig config, Clock clock) {
        RegistryLogStart.ownerOnly(config.server().dataDir().resolve("log"));
        SegmentedLog log = RegistryLogStart.openOrSayWhy(
                "the lane log",
                () -> SegmentedLog.open(
                        config.server().dataDir().resolve("log").resolve("lane"),
                        config.log().withFsync(false),
                        clock,
                        entry -> {}),
                config.server().dataDir());
        try {
            Path oldJournal = config.server().dataDir().resolve("journal").resolve("lane.journal");
            long imported = LegacyJournal.importInto(oldJournal, log, payload -> {});
            if (imported > 0) {
                log.checkpoint(java.util.Map.of());
                LOG.warn(
                        "Imported {} entries of the old lane journal into {}; the old file is kept as {}.imported",
                        imported,
                        log.dir(),
                        oldJournal);
            }
            return log;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }
}
