package hk.seamless.audit;

import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the registry log's entries as audit lines: one per event of the change. A change of one
 * event is that event: a filter decides on the whole change (a bundling names its CCRNs only in the
 * consignments it writes). A change of many events (a batch upload, a move to the archive, a lane
 * report with its crossing) is decided on event by event: each on its own words, its own writes
 * ({@link EventWrites}) and who made the change from where, which hold for all of its events.
 */
public final class RegistryEntries {

    public static final String LOG = "registry";
    /** How many written records a line for a change without events names before it says "and n more". */
    private static final int WRITES_NAMED = 5;

    private RegistryEntries() {}

    public static List<AuditLine> lines(LoggedEntry entry) {
        RegistryChange change = JsonCodec.read(entry.payload(), RegistryChange.class);
        List<AuditEntry> described = describe(entry, change);
        if (change.events().size() <= 1) {
            return AuditLine.ofWholeEntry(entry, described);
        }
        EventWrites own = new EventWrites(change.writes());
        List<AuditLine> lines = new ArrayList<>(described.size());
        for (int i = 0; i < described.size(); i++) {
            RegistryChange.AuditEvent event = change.events().get(i);
            // The same codec as the journal's, so a token is written here exactly as the whole change has it.
            byte[] evidence = JsonCodec.writeBytes(new RegistryChange(
                    change.sequence(), change.at(), change.actor(), List.of(event), own.of(event), change.origin()));
            lines.add(new AuditLine(described.get(i), evidence));
        }
        return lines;
    }

    public static List<AuditEntry> describe(LoggedEntry entry) {
        return describe(entry, JsonCodec.read(entry.payload(), RegistryChange.class));
    }

    private static List<AuditEntry> describe(LoggedEntry entry, RegistryChange change) {
        Instant at = change.at() != null ? change.at() : Instant.ofEpochMilli(entry.atMillis());
        List<AuditEntry> lines = new ArrayList<>(Math.max(1, change.events().size()));
        for (RegistryChange.AuditEvent event : change.events()) {
            lines.add(new AuditEntry(
                    LOG,
                    entry.sequence(),
                    at,
                    change.actor(),
                    change.origin(),
                    event.action(),
                    event.subject(),
                    event.detail()));
        }
        if (lines.isEmpty()) {
            // Every write is in the trail, also those no command described (a remembered answer, a claim).
            lines.add(new AuditEntry(
                    LOG,
                    entry.sequence(),
                    at,
                    change.actor(),
                    change.origin(),
                    "WRITTEN",
                    change.writes().isEmpty()
                            ? ""
                            : change.writes().get(0).store().name().toLowerCase(),
                    writes(change)));
        }
        return lines;
    }

    private static String writes(RegistryChange change) {
        StringBuilder text = new StringBuilder();
        int named = 0;
        for (RegistryChange.Write write : change.writes()) {
            if (named == WRITES_NAMED) {
                text.append(" and ").append(change.writes().size() - named).append(" more");
                break;
            }
            if (named > 0) {
                text.append(", ");
            }
            text.append(write.value() == null ? "removed " : "wrote ")
                    .append(write.store().name().toLowerCase())
                    .append(' ')
                    .append(write.key());
            named++;
        }
        return text.toString();
    }
}
