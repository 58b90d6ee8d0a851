package hk.seamless.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The most recent arrivals, for the console and for overrides. Written by the pipeline thread only;
 * read from event loops. Older arrivals live on in the lane journal, except a REFER no officer has
 * resolved yet: it stays, however old, since a truck waits at a closed gate for it.
 */
public final class ArrivalRecords {

    private final int capacity;
    private final Map<String, ArrivalRecord> byId = new ConcurrentHashMap<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();
    /** REFERs and HOLDs pushed out of {@link #order} by newer arrivals while still waiting for an officer. */
    private final java.util.Set<String> keptAwaiting = ConcurrentHashMap.newKeySet();

    public ArrivalRecords(int capacity) {
        this.capacity = capacity;
    }

    void add(ArrivalRecord record) {
        byId.put(record.id(), record);
        synchronized (order) {
            order.addLast(record.id());
            if (order.size() > capacity) {
                String oldest = order.removeFirst();
                ArrivalRecord old = byId.get(oldest);
                if (old != null && old.decision().awaitsOfficer()) {
                    keptAwaiting.add(oldest);
                } else {
                    byId.remove(oldest);
                }
            }
        }
    }

    void replace(ArrivalRecord record) {
        byId.replace(record.id(), record);
        if (!record.decision().awaitsOfficer() && keptAwaiting.remove(record.id())) {
            byId.remove(record.id()); // resolved: it was kept only while it waited
        }
    }

    /**
     * Every REFER and HOLD an officer has not resolved, oldest first, however long ago it came: what a
     * console that has just (re)loaded must put back in its queue.
     */
    public List<ArrivalRecord> awaitingOfficer() {
        List<ArrivalRecord> result = new ArrayList<>();
        for (ArrivalRecord r : byId.values()) {
            if (r.decision().awaitsOfficer()) {
                result.add(r);
            }
        }
        result.sort(java.util.Comparator.comparing(
                ArrivalRecord::decidedAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return result;
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
