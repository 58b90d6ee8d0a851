package hk.seamless.audit;

import java.util.List;

/**
 * One line of the trail as a query decides on it: the entry shown, and the JSON a record filter looks
 * for its token in. A line is filtered on its own, so a log entry of many events (a batch upload) gives
 * only the lines naming what was asked for.
 *
 * @param evidence JSON holding every token that names this line's records: its own event, whatever
 *                 of its log entry applies to every line of it (who, from where), and nothing that
 *                 only another line of that entry names
 */
public record AuditLine(AuditEntry entry, byte[] evidence) {

    /** Lines of an entry that records one thing: the whole entry is each line's evidence. */
    public static List<AuditLine> ofWholeEntry(LoggedEntry logged, List<AuditEntry> entries) {
        return entries.stream().map(e -> new AuditLine(e, logged.payload())).toList();
    }
}
