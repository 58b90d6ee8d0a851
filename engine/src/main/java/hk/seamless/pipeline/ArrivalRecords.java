package hk.seamless.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The most recent arrivals, for the console and for overrides. Written by the pipeline thread only;
 * read from event loops. Older arrivals live on in the lane journal.
 */
public final class ArrivalRecords {

    private final int capacity;
    private final Map<String, ArrivalRecord> byId = new ConcurrentHashMap<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();

    public ArrivalRecords(int capacity) {
        this.capacity = capacity;
    }

    void add(ArrivalRecord record) {
        byId.put(record.id(), record);
        synchronized (order) {
            order.addLast(record.id());
            if (order.size() > capacity) {
                byId.remove(order.removeFirst());
            }
        }
    }

    void replace(ArrivalRecord record) {
        byId.replace(record.id(), record);
    }

    public ArrivalRecord find(String id) {
        return byId.get(id);
    }

    /** The newest {@code limit} arrivals, newest first (for a console that has just connected). */
    public List<ArrivalRecord> newest(int limit) {
        List<ArrivalRecord> result = new ArrayList<>(limit);
        String[] ids;
        synchronized (order) {
            ids = order.toArray(new String[0]);
        }
        for (int i = ids.length - 1; i >= 0 && result.size() < limit; i--) {
            ArrivalRecord r = byId.get(ids[i]);
            if (r != null) {
                result.add(r);
            }
        }
        return result;
    }
}
