package hk.seamless.audit;

import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the registry log's entries as audit lines: one per event of the change. */
public final class RegistryEntries {

    public static final String LOG = "registry";
    /** How many written records a line for a change without events names before it says "and n more". */
    private static final int WRITES_NAMED = 5;

    private RegistryEntries() {}

    public static List<AuditEntry> describe(LoggedEntry entry) {
        RegistryChange change = JsonCodec.read(entry.payload(), RegistryChange.class);
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
