package hk.seamless.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

/** A {@link KeyValueStore} over a persisted Chronicle Map of UTF-8 strings. */
final class ChronicleKeyValueStore implements KeyValueStore {

    private final ChronicleMap<CharSequence, CharSequence> map;
    private final long sizedFor;
    private final double maxBloatFactor;
    private final WritesInFlight writing;

    /** A map outside a data folder (benchmarks): its writes are not counted for recovery. */
    ChronicleKeyValueStore(ChronicleMap<CharSequence, CharSequence> map, long sizedFor, double maxBloatFactor) {
        this(map, sizedFor, maxBloatFactor, WritesInFlight.untracked());
    }

    /**
     * @param sizedFor       the entries the map was built for: what fits in the segments' first tiers
     * @param maxBloatFactor how many extra tiers per segment the map may add beyond them
     * @param writing        counts the writes under way, for the next start after a kill
     */
    ChronicleKeyValueStore(
            ChronicleMap<CharSequence, CharSequence> map,
            long sizedFor,
            double maxBloatFactor,
            WritesInFlight writing) {
        this.map = map;
        this.sizedFor = sizedFor;
        this.maxBloatFactor = maxBloatFactor;
        this.writing = writing;
    }

    /**
     * Copies the value's UTF-8 bytes out of the map in one bulk read and decodes them with the JDK
     * (one vectorised pass, ASCII copied as it is). The map's own reader decodes a character at a
     * time through checked reads (on the registry writer, reading the bundle and the consignments
     * that a crossing rewrites, that was most of the time of a read), and it refuses a character
     * beyond the Basic Multilingual Plane written as standard UTF-8, as {@link #put} writes it.
     */
    @Override
    public String get(String key) {
        try (ExternalMapQueryContext<CharSequence, CharSequence, ?> query = map.queryContext(key)) {
            MapEntry<CharSequence, CharSequence> entry = query.entry();
            return entry == null ? null : text(entry.value());
        }
    }

    /** As {@link #get}, into the caller's builder through this thread's scratch buffer: nothing allocated. */
    @Override
    public boolean getUsing(CharSequence key, StringBuilder value) {
        value.setLength(0);
        try (ExternalMapQueryContext<CharSequence, CharSequence, ?> query = map.queryContext(key)) {
            MapEntry<CharSequence, CharSequence> entry = query.entry();
            if (entry == null) {
                return false;
            }
            Data<CharSequence> held = entry.value();
            int length = Math.toIntExact(held.size());
            byte[] scratch = Utf8Values.scratch(length);
            held.bytes().read(held.offset(), scratch, 0, length);
            Utf8Values.appendTo(scratch, length, value);
            return true;
        }
    }

    private static String text(Data<CharSequence> value) {
        byte[] bytes = new byte[Math.toIntExact(value.size())];
        value.bytes().read(value.offset(), bytes, 0, bytes.length);
        return Utf8Values.decode(bytes, bytes.length);
    }

    @Override
    public boolean containsKey(CharSequence key) {
        return map.containsKey(key);
    }

    /**
     * Compares the UTF-8 bytes the map holds with the value's: one bulk copy out of the map and a
     * vectorised array comparison. Decoding the held value into a String (or comparing through
     * Chronicle's checked reads) goes a byte or a word at a time and cost a start's replay more than
     * writing the value again.
     */
    @Override
    public boolean holds(String key, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        try (ExternalMapQueryContext<CharSequence, CharSequence, ?> query = map.queryContext(key)) {
            MapEntry<CharSequence, CharSequence> entry = query.entry();
            if (entry == null) {
                return false;
            }
            Data<CharSequence> held = entry.value();
            if (held.size() != utf8.length) {
                return false;
            }
            byte[] heldBytes = new byte[utf8.length];
            held.bytes().read(held.offset(), heldBytes, 0, heldBytes.length);
            return Arrays.equals(heldBytes, utf8);
        }
    }

    /**
     * Writes the value's UTF-8 bytes as they are, which is exactly how the map keeps a string
     * ({@link #holds} reads them back so): the JDK encodes a string in one vectorised pass where the
     * map's own string writer goes a character at a time, and the value held before is not decoded
     * into a string nobody reads, as {@code ChronicleMap.put} does to return it.
     */
    @Override
    public void put(String key, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writing.begin();
        try (ExternalMapQueryContext<CharSequence, CharSequence, ?> query = map.queryContext(key)) {
            query.updateLock().lock();
            Data<CharSequence> bytes = query.wrapValueBytesAsData(BytesStore.wrap(utf8), 0, utf8.length);
            MapEntry<CharSequence, CharSequence> held = query.entry();
            if (held != null) {
                query.replaceValue(held, bytes);
            } else {
                query.insert(query.absentEntry(), bytes);
            }
        } finally {
            writing.end();
        }
    }

    /** Removes the entry without decoding the value it held, as {@code ChronicleMap.remove} does to return it. */
    @Override
    public void remove(String key) {
        writing.begin();
        try (ExternalMapQueryContext<CharSequence, CharSequence, ?> query = map.queryContext(key)) {
            query.updateLock().lock();
            MapEntry<CharSequence, CharSequence> held = query.entry();
            if (held != null) {
                query.remove(held);
            }
        } finally {
            writing.end();
        }
    }

    @Override
    public void clear() {
        writing.begin();
        try {
            map.clear();
        } finally {
            writing.end();
        }
    }

    @Override
    public long size() {
        return map.longSize();
    }

    /** Keys are the map's own encoding (its reader reads them back); values are decoded as {@link #get} does. */
    @Override
    public void forEach(BiConsumer<String, String> action) {
        map.forEachEntry(entry -> action.accept(entry.key().get().toString(), text(entry.value())));
    }

    @Override
    public long offHeapBytes() {
        return map.offHeapMemoryUsed();
    }

    /**
     * A map refuses a write when a segment needs another tier and none is left: its room is every
     * segment's first tier plus {@code maxBloatFactor} extra tiers per segment. The first tiers'
     * use is estimated from the entry count (entries spread evenly over segments by their hash),
     * and taken as full once any extra tier is in use: a segment takes one only when its first tier
     * is full, and records far larger than the average fill tiers long before the count says so.
     * The extra tiers' use Chronicle counts exactly.
     */
    @Override
    public double fill() {
        double segments = map.segments();
        double maxExtraTiers = maxBloatFactor * segments;
        double extraTiersInUse = Math.max(0, maxExtraTiers - map.remainingAutoResizes());
        double firstTiersInUse =
                extraTiersInUse > 0 ? segments : Math.min(1.0, (double) map.longSize() / sizedFor) * segments;
        return Math.min(1.0, (firstTiersInUse + extraTiersInUse) / (segments + maxExtraTiers));
    }

    /** Writes the map's dirty pages to its file (msync): what a checkpoint vouches for must be on the disk. */
    void force() {
        ((net.openhft.chronicle.hash.impl.VanillaChronicleHash<?, ?, ?, ?>) map).msync();
    }

    /** The map itself, for tests in this package that must hold one of its locks as a dead reader would. */
    ChronicleMap<CharSequence, CharSequence> chronicleMap() {
        return map;
    }

    void close() {
        map.close();
        writing.close();
    }
}
