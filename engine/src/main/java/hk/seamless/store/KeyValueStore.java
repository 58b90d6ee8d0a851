package hk.seamless.store;

import java.util.function.BiConsumer;

/** The small face of one off-heap map that the rest of the engine depends on. */
public interface KeyValueStore {

    /** The value, or null. */
    String get(String key);

    /**
     * Reads the value into {@code value} (cleared first) without allocating: the hot path's read.
     *
     * @return false when there is no such key ({@code value} is then empty)
     */
    boolean getUsing(CharSequence key, StringBuilder value);

    boolean containsKey(CharSequence key);

    void put(String key, String value);

    /**
     * Whether {@code key} holds exactly {@code value}. What a start's replay asks of every write it
     * reads back; a store may answer it without decoding the value it holds.
     */
    default boolean holds(String key, String value) {
        return value.equals(get(key));
    }

    void remove(String key);

    /** Removes every entry: how a view fed from the registry is emptied before it is rebuilt. */
    void clear();

    long size();

    void forEach(BiConsumer<String, String> action);

    /** How much of its room the store uses, 0 to 1: at 1 it refuses writes that need more. */
    double fill();

    /** Bytes the map occupies off the heap (mapped file size actually in use). */
    long offHeapBytes();
}
