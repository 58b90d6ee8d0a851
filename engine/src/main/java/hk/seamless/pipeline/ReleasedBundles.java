package hk.seamless.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bundles this lane side has released and the registry may not have marked USED yet. The gap is
 * milliseconds, but a second truck on the same bundle inside it must not be released: the same
 * bundle never releases a second crossing. Pipeline thread only.
 */
final class ReleasedBundles {

    private final Map<String, Boolean> released;

    ReleasedBundles(int capacity) {
        this.released = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    boolean contains(String bundleId) {
        return released.containsKey(bundleId);
    }

    void add(String bundleId) {
        released.put(bundleId, Boolean.TRUE);
    }
}
