package hk.seamless.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one registry command, staged until it succeeds. A command that throws leaves
 * nothing behind: no half-written record. Reads see the staged writes first, so a command that
 * touches several records in turn sees its own changes.
 */
public final class Transaction {

    private static final String REMOVED = new String("<removed>");

    private final Stores stores;
    private final Instant now;
    private final String actor;
    private final String origin;
    private final Map<StoreName, Map<String, String>> staged = new LinkedHashMap<>();
    private final List<RegistryChange.AuditEvent> events = new ArrayList<>();

    Transaction(Stores stores, Instant now, String actor, String origin) {
        this.stores = stores;
        this.now = now;
        this.actor = actor;
        this.origin = origin;
    }

    /** The one instant of this transaction: every time it records is this one. */
    public Instant now() {
        return now;
    }

    public String actor() {
        return actor;
    }

    public String get(StoreName store, String key) {
        Map<String, String> writes = staged.get(store);
        if (writes != null && writes.containsKey(key)) {
            String value = writes.get(key);
            return value == REMOVED ? null : value;
        }
        return stores.store(store).get(key);
    }

    public <T> T get(StoreName store, String key, Class<T> type) {
        String json = get(store, key);
        return json == null ? null : JsonCodec.read(json, type);
    }

    public void put(StoreName store, String key, String value) {
        staged.computeIfAbsent(store, s -> new LinkedHashMap<>()).put(key, value);
    }

    public void put(StoreName store, String key, Object record) {
        put(store, key, JsonCodec.write(record));
    }

    public void remove(StoreName store, String key) {
        staged.computeIfAbsent(store, s -> new LinkedHashMap<>()).put(key, REMOVED);
    }

    public void audit(String action, String subject, String detail) {
        events.add(new RegistryChange.AuditEvent(action, subject, detail));
    }

    /** An event also found by the records it names that this change does not write (see {@link RegistryChange.AuditEvent}). */
    public void audit(String action, String subject, String detail, List<String> names) {
        events.add(new RegistryChange.AuditEvent(action, subject, detail, names));
    }

    /**
     * Forgets every write and event staged so far, as a command that throws would: a refusal
     * remembered under an Idempotency-Key is then written alone, with nothing half-done beside it.
     */
    public void discard() {
        staged.clear();
        events.clear();
    }

    boolean isEmpty() {
        return staged.isEmpty() && events.isEmpty();
    }

    RegistryChange toChange(long sequence) {
        List<RegistryChange.Write> writes = new ArrayList<>();
        staged.forEach((store, entries) -> entries.forEach(
                (key, value) -> writes.add(new RegistryChange.Write(store, key, value == REMOVED ? null : value))));
        return new RegistryChange(sequence, now, actor, events, writes, origin);
    }
}
