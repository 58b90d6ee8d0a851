package hk.seamless.store;

import java.time.Instant;
import java.util.List;

/**
 * One committed registry transaction: who did what when, and every record it wrote. It is both
 * the journal entry (audit trail, replay after a crash) and the item of the registry-change stream
 * the lane side is fed from; today the stream is in memory, across control points it is a topic.
 *
 * @param actor  who: the account id, or what acted for the engine ("housekeeping", "lane LMC-1")
 * @param origin from where: the channel and address the command came through (e.g. "http 10.0.0.7"),
 *               null for the engine's own work and for entries written before origins were kept
 */
public record RegistryChange(
        long sequence, Instant at, String actor, List<AuditEvent> events, List<Write> writes, String origin) {

    public RegistryChange {
        events = List.copyOf(events);
        writes = List.copyOf(writes);
    }

    /** A change whose origin is not known (the engine's own work, entries from before origins were kept). */
    public RegistryChange(long sequence, Instant at, String actor, List<AuditEvent> events, List<Write> writes) {
        this(sequence, at, actor, events, writes, null);
    }

    /** The audit action of the entry that says the change just before it was taken back. */
    public static final String ABORTED = "CHANGE_ABORTED";

    /**
     * The entry that follows a change a store refused: that change is not in the maps and replay
     * must skip it. It is a change of its own (no writes, one audit event), so the journal stays a
     * list of changes and the refusal is in the audit trail.
     */
    static RegistryChange abortOf(RegistryChange refused, long sequence, String reason) {
        return new RegistryChange(
                sequence,
                refused.at(),
                refused.actor(),
                List.of(new AuditEvent(ABORTED, Long.toString(refused.sequence()), reason)),
                List.of(),
                refused.origin());
    }

    /** Whether this entry takes back the change numbered {@code sequence}. */
    boolean aborts(long sequence) {
        return writes.isEmpty()
                && events.size() == 1
                && ABORTED.equals(events.get(0).action())
                && Long.toString(sequence).equals(events.get(0).subject());
    }

    /** A put of {@code value}, or a removal when {@code value} is null. */
    public record Write(StoreName store, String key, String value) {}

    /**
     * What happened, to which subject (a CCRN, a bundle id, an account id), in words.
     *
     * @param names the records the event is about besides its subject and the records the change
     *              writes (lane, vehicle, bundle, CCRNs of a lane engine's decision, which the
     *              registry only reads): the audit trail's filters find the event by them. Null when
     *              none (most events), so such an event is written as before it was kept
     */
    public record AuditEvent(String action, String subject, String detail, List<String> names) {

        public AuditEvent {
            names = names == null || names.isEmpty() ? null : List.copyOf(names);
        }

        public AuditEvent(String action, String subject, String detail) {
            this(action, subject, detail, null);
        }
    }
}
