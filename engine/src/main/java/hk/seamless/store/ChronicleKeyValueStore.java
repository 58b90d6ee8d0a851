package hk.seamless.store;

import net.openhft.chronicle.map.ChronicleMap;

import java.util.function.BiConsumer;

/** A {@link KeyValueStore} over a persisted Chronicle Map of UTF-8 strings. */
final class ChronicleKeyValueStore implements KeyValueStore {

    private final ChronicleMap<CharSequence, CharSequence> map;

    ChronicleKeyValueStore(ChronicleMap<CharSequence, CharSequence> map) {
        this.map = map;
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

    void close() {
        map.close();
    }
}
