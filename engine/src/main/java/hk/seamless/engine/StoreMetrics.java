package hk.seamless.engine;

import hk.seamless.store.ChronicleStores;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StoreName;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Gauges of the off-heap stores and the journal, for /metrics and for sizing the maps. */
final class StoreMetrics {

    private final ChronicleStores stores;
    private final RegistryWriter writer;

    StoreMetrics(ChronicleStores stores, RegistryWriter writer) {
        this.stores = stores;
        this.writer = writer;
    }

    void bindTo(MeterRegistry registry) {
        for (StoreName name : StoreName.values()) {
            String tag = name.name().toLowerCase();
            Gauge.builder("seamless_store_entries", stores, s -> s.store(name).size())
                    .tag("store", tag)
                    .description("records in the off-heap store")
                    .register(registry);
            Gauge.builder(
                            "seamless_store_fill_ratio",
                            stores,
                            s -> s.store(name).fill())
                    .tag("store", tag)
                    .description("share of the store's room in use; at 1 it refuses writes")
                    .register(registry);
            Gauge.builder(
                            "seamless_store_offheap_bytes",
                            stores,
                            s -> s.store(name).offHeapBytes())
                    .tag("store", tag)
                    .baseUnit("bytes")
                    .description("off-heap memory used by the store")
                    .register(registry);
        }
        Gauge.builder("seamless_journal_entries", writer, RegistryWriter::journalEntries)
                .description("registry changes in the log (its last sequence)")
                .register(registry);
        Gauge.builder("seamless_registry_refused_writes", writer, RegistryWriter::refusedWrites)
                .description("commands refused because a store was full")
                .register(registry);
        Gauge.builder("seamless_journal_bytes", writer, RegistryWriter::journalBytes)
                .baseUnit("bytes")
                .description("size of the registry log, every segment")
                .register(registry);
        Gauge.builder(
                        "seamless_log_checkpoint_sequence",
                        writer,
                        w -> w.lastCheckpoint() == null ? 0 : w.lastCheckpoint().sequence())
                .description("the registry log's last checkpoint: a start after a crash replays what follows it")
                .register(registry);
        Gauge.builder(
                        "seamless_log_checkpoint_timestamp_seconds",
                        writer,
                        w -> w.lastCheckpoint() == null
                                ? 0
                                : w.lastCheckpoint().at().toEpochMilli() / 1000.0)
                .description("when the registry log was last checkpointed (epoch seconds, 0: never)")
                .register(registry);
    }
}
