package hk.seamless.store;

import java.time.Instant;
import java.util.List;

/**
 * One committed registry transaction: who did what when, and every record it wrote. It is both
 * the journal entry (audit trail, replay after a crash) and the item of the registry-change stream
 * the lane side is fed from; today the stream is in memory, across control points it is a topic.
 */
public record RegistryChange(long sequence, Instant at, String actor, List<AuditEvent> events, List<Write> writes) {

    public RegistryChange {
        events = List.copyOf(events);
        writes = List.copyOf(writes);
    }

    /** A put of {@code value}, or a removal when {@code value} is null. */
    public record Write(StoreName store, String key, String value) {
    }

    /** What happened, to which subject (a CCRN, a bundle id, an account id), in words. */
    public record AuditEvent(String action, String subject, String detail) {
    }
}
