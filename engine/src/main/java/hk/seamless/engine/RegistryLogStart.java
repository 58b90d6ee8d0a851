package hk.seamless.engine;

import hk.seamless.config.EngineConfig;
import hk.seamless.log.LegacyJournal;
import hk.seamless.log.LogEntry;
import hk.seamless.log.SegmentedLog;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.RegistryChangeListener;
import hk.seamless.store.RegistryReplay;
import hk.seamless.store.StoreName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log opened at start, and the maps brought up to it. The checkpoint says up to
 * which entry the maps were forced; every start replays what came after it (after a clean stop,
 * nothing; after a kill, what the maps may have missed: values are whole records, so applying an
 * entry they already hold is harmless). Maps made afresh (deleted to be rebuilt) get the whole log.
 * An old {@code journal/registry.journal} is imported once, its entries keeping their sequences.
 */
final class RegistryLogStart {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryLogStart.class);

    /**
     * The opened log; {@code checkpointDue} when the maps took entries the checkpoint does not cover
     * yet; {@code replayed} the entries applied to the maps (0 after a clean stop).
     */
    record Opened(SegmentedLog log, boolean checkpointDue, long replayed) {}

    private RegistryLogStart() {}

    /** Whether the maps were on the disk before this start (call before the stores are opened). */
    static boolean mapsExist(Path dataDir) {
        return Stream.of(StoreName.values())
                .anyMatch(n -> Files.exists(dataDir.resolve("stores").resolve(n.fileName())));
    }

    /**
     * A damaged log stops the start with a sentence that says what to run, not a stack trace: met
     * opening a log or reading one back ({@code open}).
     */
    static <T> T openOrSayWhy(String whichLog, java.util.function.Supplier<T> open, Path dataDir) {
        try {
            return open.get();
        } catch (hk.seamless.log.LogDamageException e) {
            throw new StartFailure(
                    whichLog + ": " + e.getMessage() + " (java -jar seamless-engine.jar verify-log --data "
                            + dataDir.toAbsolutePath()
                            + " says where it first breaks)",
                    e);
        }
    }

    /** {@code <data>/log} itself, not only the logs in it, is the engine user's alone. */
    static void ownerOnly(Path logs) {
        try {
            hk.seamless.log.OwnerOnly.folder(logs);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the log folder " + logs, e);
        }
    }

    static Path logDir(Path dataDir) {
        return dataDir.resolve("log").resolve("registry");
    }

    static Opened open(
            EngineConfig config,
            ChronicleStores stores,
            boolean mapsExisted,
            List<RegistryChangeListener> listeners,
            Clock clock) {
        ownerOnly(config.server().dataDir().resolve("log"));
        RegistryReplay replaying = new RegistryReplay(stores, listeners);
        SegmentedLog log = openOrSayWhy(
                "the registry log",
                () -> SegmentedLog.open(logDir(config.server().dataDir()), config.log(), clock, entry -> {
                    if (mapsExisted) {
                        replaying.accept(entry.payload());
                    }
                }),
                config.server().dataDir());
        try {
            boolean rebuilt = !mapsExisted && log.lastSequence() > 0;
            if (rebuilt) {
                try (Stream<LogEntry> all = log.reader().forward(1)) {
                    all.forEach(entry -> replaying.accept(entry.payload()));
                }
            }
            Path oldJournal = config.server().dataDir().resolve("journal").resolve("registry.journal");
            // The old engine replayed its journal only after an unclean stop: its maps are whole otherwise.
            boolean replayImported = stores.recoveredFromUncleanStop() || !mapsExisted;
            long imported = LegacyJournal.importInto(oldJournal, log, payload -> {
                if (replayImported) {
                    replaying.accept(payload);
                }
            });
            replaying.close();
            if (imported > 0) {
                LOG.warn(
                        "Imported {} entries of the old registry journal into {}; the old file is kept as {}.imported"
                                + " (delete it once a backup of log/ is made)",
                        imported,
                        logDir(config.server().dataDir()),
                        oldJournal);
            }
            if (rebuilt) {
                LOG.warn(
                        "The maps were made afresh: rebuilt them from the {} entries of the registry log",
                        log.lastSequence());
            }
            if (stores.recoveredFromUncleanStop()) {
                LOG.warn(
                        "Recovered from an unclean stop: the stores reopened ({} damaged segments or entries repaired"
                                + " by Chronicle), {} log entries after the checkpoint replayed over them ({} of them already"
                                + " held by the maps, {} aborted ones skipped); every acknowledged write is back",
                        stores.recoveryRepairs(),
                        replaying.replayed(),
                        replaying.alreadyHeld(),
                        replaying.skipped());
            } else if (replaying.replayed() + replaying.skipped() > 0) {
                LOG.info("Replayed {} registry log entries after the checkpoint", replaying.replayed());
            }
            long replayed = replaying.replayed() + replaying.skipped();
            return new Opened(log, imported > 0 || rebuilt || replayed > 0, replayed);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }
}
