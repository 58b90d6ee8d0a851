package hk.seamless.benchmarks;

import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.CargoInformationReader;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.LodgementWindow;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.SplittableRandom;
import net.openhft.chronicle.map.ChronicleMap;
import org.HdrHistogram.Histogram;

/**
 * Fills one store, built exactly as the engine builds it ({@link ChronicleStores#builder}, sized for
 * the run), with realistic records and reports, per size: creation time, seconds per million puts
 * (each million), {@code getUsing} p50/p99 on a million random existing keys, the bytes the sparse
 * file really holds per entry ({@code du}: allocated blocks / entries), then how long a clean
 * re-open and a {@code recoverPersistedTo} (what a start after kill -9 does) take on the full map.
 *
 * <pre>java $CHRONICLE_FLAGS -cp benchmarks/target/benchmarks.jar hk.seamless.benchmarks.ScaleFill lane-bundles 1,5,10,20 [CCRNS]</pre>
 * (millions; {@code consignments} for the consignment store; CCRNS, for lane-bundles only, the CCRNs
 * each bundle carries, 2 unless given). Each size gets a fresh folder under {@code java.io.tmpdir},
 * deleted at the end.
 */
public final class ScaleFill {

    private static final int MILLION = 1_000_000;

    private ScaleFill() {}

    public static void main(String[] args) throws Exception {
        StoreName store = args[0].equals("consignments") ? StoreName.CONSIGNMENTS : StoreName.LANE_BUNDLES;
        Records records = store == StoreName.CONSIGNMENTS
                ? new Consignments()
                : new LaneBundleRecords(args.length > 2 ? Integer.parseInt(args[2]) : 2);
        System.out.printf(
                "%s: key ~%d B, value ~%d B (UTF-8) realistic; built for key %d B, value %d B%n",
                store,
                records.key(12_345).length(),
                records.value(12_345).getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                store.averageKeyBytes(),
                store.averageValueBytes());
        for (String millions : args[1].split(",")) {
            run(store, records, Integer.parseInt(millions) * MILLION);
        }
    }

    private static void run(StoreName store, Records records, int entries) throws Exception {
        Path dir = Files.createTempDirectory("seamless-scale");
        File file = dir.resolve(store.fileName()).toFile();
        try {
            long t0 = System.nanoTime();
            ChronicleMap<CharSequence, CharSequence> map =
                    ChronicleStores.builder(store, entries).createPersistedTo(file);
            double create = seconds(t0);
            StringBuilder perMillion = new StringBuilder();
            long fillStart = System.nanoTime();
            long millionStart = fillStart;
            for (int i = 0; i < entries; i++) {
                map.put(records.key(i), records.value(i));
                if ((i + 1) % MILLION == 0) {
                    perMillion.append(String.format("%.1f ", seconds(millionStart)));
                    millionStart = System.nanoTime();
                }
            }
            double fill = seconds(fillStart);
            Histogram latency = lookUps(map, records, entries);
            long du = LaneBundles.allocatedBytes(file.toPath());
            map.close();
            long t1 = System.nanoTime();
            ChronicleStores.builder(store, entries).createPersistedTo(file).close();
            double reopen = seconds(t1);
            long t2 = System.nanoTime();
            ChronicleStores.builder(store, entries)
                    .recoverPersistedTo(file, true, c -> {})
                    .close();
            double recover = seconds(t2);
            System.out.printf(
                    "%s %,d: nominal %,d MB, created in %.1f s; filled in %.1f s (%.2f s per million; each"
                            + " million: %s); getUsing p50 %.2f us, p99 %.2f us, p99.9 %.2f us; %,d B on disk (du) ="
                            + " %.1f B per entry; clean re-open %.2f s; recoverPersistedTo %.1f s%n",
                    store,
                    entries,
                    file.length() >> 20,
                    create,
                    fill,
                    fill / (entries / (double) MILLION),
                    perMillion.toString().trim(),
                    latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0,
                    latency.getValueAtPercentile(99.9) / 1000.0,
                    du,
                    du / (double) entries,
                    reopen,
                    recover);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A million look-ups of random existing keys into one reusable buffer, as the lane reads. */
    private static Histogram lookUps(ChronicleMap<CharSequence, CharSequence> map, Records records, int entries) {
        SplittableRandom random = new SplittableRandom(7);
        String[] keys = new String[MILLION];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = records.key(random.nextInt(entries));
        }
        StringBuilder value = new StringBuilder(2048);
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (String key : keys) { // warm-up pass over the same keys: JIT, not the page cache (already hot)
            map.getUsing(key, value);
        }
        for (String key : keys) {
            long start = System.nanoTime();
            if (map.getUsing(key, value) == null) {
                throw new IllegalStateException("missing " + key);
            }
            histogram.recordValue(System.nanoTime() - start);
        }
        return histogram;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    interface Records {
        String key(int i);

        String value(int i);
    }

    /** lane-bundles: "mark|direction" to the compact value LaneView stores (two CCRNs unless told, a trucker). */
    private static final class LaneBundleRecords implements Records {
        private final int ccrns;

        LaneBundleRecords(int ccrns) {
            this.ccrns = ccrns;
        }

        @Override
        public String key(int i) {
            // two letters and up to four digits give 6.76 million marks; beyond, three letters (the
            // key's length is what matters here, and personalised marks are longer still)
            int j = i / 2;
            String mark = j < 26 * 26 * 9_999
                    ? "" + (char) ('A' + j / 9_999 / 26) + (char) ('A' + j / 9_999 % 26) + (1 + j % 9_999)
                    : "" + (char) ('A' + j / 9_999 / 676 % 26) + (char) ('A' + j / 9_999 / 26 % 26)
                            + (char) ('A' + j / 9_999 % 26) + (1 + j % 9_999);
            return mark + "|" + LaneBundles.direction(i).name();
        }

        @Override
        public String value(int i) {
            return LaneBundles.compactValue(i, ccrns);
        }
    }

    /** consignments: CCRN to the registry's JSON of a typical Shenzhen export (Chinese names, long articles). */
    static final class Consignments implements Records {
        private final String json;

        Consignments() {
            Instant now = Instant.parse("2026-11-26T02:00:00Z");
            LocalDate expected =
                    LocalDate.ofInstant(now, ZoneId.of("Asia/Hong_Kong")).plusDays(3);
            CargoInformation cargo = new CargoInformationReader(LodgementWindow.hongKong(Period.ofDays(14)))
                    .read(TypicalConsignment.body(expected), now);
            json = JsonCodec.write(new Consignment(
                    "2600000000000000",
                    "R3f2a9c1b7d5e4f6a8b9c0d1e",
                    1,
                    ConsignmentStatus.LODGED,
                    cargo,
                    now,
                    now,
                    null));
        }

        @Override
        public String key(int i) {
            String n = Integer.toString(i);
            return "26" + "00000000000000".substring(n.length()) + n;
        }

        @Override
        public String value(int i) {
            return json.replace("2600000000000000", key(i));
        }
    }
}
