package hk.seamless.benchmarks;

import hk.seamless.config.LogSettings;
import hk.seamless.log.LogEntry;
import hk.seamless.log.SegmentedLog;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.StoreSizes;
import hk.seamless.trade.Ccrn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Not a JMH benchmark: makes the data folder of an engine killed with CHANGES registry changes after
 * its last checkpoint, for timing the restart ({@code benchmarks/run-start.sh --data DIR}).
 *
 * <p>DIR must hold a real engine's data, stopped cleanly after at least one lodgement (e.g. by
 * {@code lane-simulator lodgement-load}), made with {@code SEAMLESS_DAILY_CONSIGNMENTS=DAILY}. The
 * driver takes the last lodgement of its registry log as the pattern and appends CHANGES lodgements
 * like it (each its own CCRN, with a valid check digit), puts their writes into the maps as the
 * registry writer does, and leaves the folder as {@code kill -9} would before the next checkpoint:
 * the {@code OPEN} marker of a run on this boot of the machine. The restart then replays every one
 * of them. Options:
 * <ul>
 *   <li>{@code --maps-never-saw-them}: the changes are only in the log (as after a power cut that
 *       lost the maps' pages): every one must be written again;</li>
 *   <li>{@code --write-under-way STORE}: the store's write counter says a write was cut in half
 *       there, so that map is also walked by Chronicle's recovery (the worst case of a kill).</li>
 * </ul>
 *
 * <pre>java $FLAGS -cp benchmarks/target/benchmarks.jar hk.seamless.benchmarks.CrashRestartDriver DIR 1000000 20000 [options]</pre>
 */
public final class CrashRestartDriver {

    private CrashRestartDriver() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int changes = Integer.parseInt(args[1]);
        long daily = Long.parseLong(args[2]);
        java.util.List<String> options = java.util.List.of(args).subList(3, args.length);
        boolean mapsSawThem = !options.contains("--maps-never-saw-them");
        int underWayAt = options.indexOf("--write-under-way");
        String writeUnderWay = underWayAt >= 0 ? options.get(underWayAt + 1) : null;
        Path logDir = data.resolve("log").resolve("registry");
        long started = System.nanoTime();
        try (SegmentedLog log =
                        SegmentedLog.open(logDir, LogSettings.defaults().withFsync(false), Clock.systemUTC(), e -> {});
                ChronicleStores stores = ChronicleStores.open(data, StoreSizes.forDailyConsignments(daily))) {
            RegistryChange pattern = lastLodgement(log)
                    .orElseThrow(
                            () -> new IllegalArgumentException(
                                    data
                                            + " has no lodgement in its registry log: lodge one (lane-simulator lodgement-load) first"));
            String patternCcrn = pattern.events().stream()
                    .filter(e -> e.action().equals("CONSIGNMENT_LODGED"))
                    .findFirst()
                    .orElseThrow()
                    .subject();
            for (int i = 0; i < changes; i++) {
                String first15 = String.format("27%013d", i);
                String ccrn = first15 + Ccrn.checkDigit(first15);
                RegistryChange change = new RegistryChange(
                        log.nextSequence(),
                        Instant.now(),
                        pattern.actor(),
                        pattern.events().stream()
                                .map(e -> new RegistryChange.AuditEvent(
                                        e.action(),
                                        swap(e.subject(), patternCcrn, ccrn),
                                        swap(e.detail(), patternCcrn, ccrn)))
                                .toList(),
                        pattern.writes().stream()
                                .map(w -> new RegistryChange.Write(
                                        w.store(),
                                        swap(w.key(), patternCcrn, ccrn),
                                        swap(w.value(), patternCcrn, ccrn)))
                                .toList(),
                        pattern.origin());
                log.append(JsonCodec.writeBytes(change));
                if (mapsSawThem) {
                    change.writes().forEach(w -> stores.store(w.store()).put(w.key(), w.value()));
                }
            }
            System.out.printf(
                    "appended %,d lodgements like #%d (%,d bytes of log now)%s in %.1f s%n",
                    changes,
                    pattern.sequence(),
                    log.sizeBytes(),
                    mapsSawThem ? ", put into the maps too" : "",
                    (System.nanoTime() - started) / 1e9);
        }
        Path stores = data.resolve("stores");
        Path bootId = Path.of("/proc/sys/kernel/random/boot_id");
        Files.writeString(
                stores.resolve("OPEN"),
                "1 " + (Files.isReadable(bootId) ? Files.readString(bootId).trim() : ""));
        if (writeUnderWay != null) {
            Path counter = stores.resolve(writeUnderWay + ".cm3.writing");
            Files.write(
                    counter,
                    java.nio.ByteBuffer.allocate(8)
                            .order(java.nio.ByteOrder.nativeOrder())
                            .putLong(0, 1)
                            .array());
        }
        System.out.println("left " + data + " as after kill -9"
                + (writeUnderWay == null ? "" : ", a write to " + writeUnderWay + " under way"));
    }

    private static Optional<RegistryChange> lastLodgement(SegmentedLog log) {
        try (Stream<LogEntry> back = log.reader().backward(log.lastSequence())) {
            return back.map(entry -> JsonCodec.read(entry.payload(), RegistryChange.class))
                    .filter(c -> c.events().stream().anyMatch(e -> e.action().equals("CONSIGNMENT_LODGED")))
                    .findFirst();
        }
    }

    private static String swap(String text, String from, String to) {
        return text == null ? null : text.replace(from, to);
    }
}
