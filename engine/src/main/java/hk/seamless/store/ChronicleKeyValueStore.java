package hk.seamless.store;

import net.openhft.chronicle.map.ChronicleMap;

import java.util.function.BiConsumer;

/** A {@link KeyValueStore} over a persisted Chronicle Map of UTF-8 strings. */
final class ChronicleKeyValueStore implements KeyValueStore {

    private final ChronicleMap<CharSequence, CharSequence> map;
    private final long sizedFor;
    private final double maxBloatFactor;

    /**
     * @param sizedFor       the entries the map was built for: what fits in the segments' first tiers
     * @param maxBloatFactor how many extra tiers per segment the map may add beyond them
     */
    ChronicleKeyValueStore(ChronicleMap<CharSequence, CharSequence> map, long sizedFor, double maxBloatFactor) {
        this.map = map;
        this.sizedFor = sizedFor;
        this.maxBloatFactor = maxBloatFactor;
    }

    @Override
    public String get(String key) {
        CharSequence value = map.get(key);
        return value == null ? null : value.toString();
    }

    @Override
    public boolean getUsing(CharSequence key, StringBuilder value) {
        value.setLength(0);
        return map.getUsing(key, value) != null;
    }

    @Override
    public boolean containsKey(CharSequence key) {
        return map.containsKey(key);
    }

    @Override
    public void put(String key, String value) {
        map.put(key, value);
    }

    @Override
    public void remove(String key) {
        map.remove(key);
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public long size() {
        return map.longSize();
    }

    @Override
    public void forEach(BiConsumer<String, String> action) {
        map.forEach((k, v) -> action.accept(k.toString(), v.toString()));
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
        double firstTiersInUse = extraTiersInUse > 0 ? segments
                : Math.min(1.0, (double) map.longSize() / sizedFor) * segments;
        return Math.min(1.0, (firstTiersInUse + extraTiersInUse) / (segments + maxExtraTiers));
    }

    /** Writes the map's dirty pages to its file (msync): what a checkpoint vouches for must be on the disk. */
    void force() {
        ((net.openhft.chronicle.hash.impl.VanillaChronicleHash<?, ?, ?, ?>) map).msync();
    }

    void close() {
        map.close();
    }
}
