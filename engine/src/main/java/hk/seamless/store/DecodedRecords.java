package hk.seamless.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The decoded form of records read often and changed seldom (an account, read on every request its
 * token or session makes), so that reading one again costs a comparison of its stored text instead of
 * a JSON decode. The text is always read from the store first and compared whole, so a change made a
 * moment ago (a suspension, a revoked role) is seen at once: nothing is served that the store no
 * longer holds. Bounded: past its size it starts again empty.
 *
 * @param <T> an immutable record
 */
public final class DecodedRecords<T> {

    private record Decoded<T>(String text, T value) {}

    private final int capacity;
    private final Function<String, T> decoder;
    private final Map<String, Decoded<T>> byKey = new ConcurrentHashMap<>();

    public DecodedRecords(int capacity, Function<String, T> decoder) {
        this.capacity = capacity;
        this.decoder = decoder;
    }

    /** {@code text}, stored under {@code key} now, decoded; null for null. */
    public T decode(String key, String text) {
        if (text == null) {
            return null;
        }
        Decoded<T> known = byKey.get(key);
        if (known != null && known.text().equals(text)) {
            return known.value();
        }
        T value = decoder.apply(text);
        if (byKey.size() >= capacity) {
            byKey.clear();
        }
        byKey.put(key, new Decoded<>(text, value));
        return value;
    }
}
