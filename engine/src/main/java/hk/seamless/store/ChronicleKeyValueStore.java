package hk.seamless.store;

import net.openhft.chronicle.map.ChronicleMap;

import java.util.function.BiConsumer;

/** A {@link KeyValueStore} over a persisted Chronicle Map of UTF-8 strings. */
final class ChronicleKeyValueStore implements KeyValueStore {

    private final ChronicleMap<String, String> map;

    ChronicleKeyValueStore(ChronicleMap<String, String> map) {
        this.map = map;
    }

    @Override
    public String get(String key) {
        return map.get(key);
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
        map.forEach(action);
    }

    @Override
    public long offHeapBytes() {
        return map.offHeapMemoryUsed();
    }

    void close() {
        map.close();
    }
}
