package hk.seamless.audit;

import java.util.Iterator;
import java.util.List;

/**
 * A log read newest first for one query: the registry's or the lanes'. Closing it closes whatever
 * files its iterators opened.
 */
public interface AuditSource extends AutoCloseable {

    /** The name its lines carry and its cursor part is known by: {@code registry} or {@code lane}. */
    String name();

    /**
     * Entries with a sequence below {@code beforeSequence}, newest first. Entries appended at or
     * after {@code toMillis} are of no interest: a source may skip whole segments of them.
     */
    Iterator<LoggedEntry> newestFirst(long beforeSequence, long toMillis);

    /** Turns a matching entry into audit lines. */
    List<AuditEntry> describe(LoggedEntry entry);

    /**
     * A matching entry's lines, each with what a filter decides on. By default every line is decided
     * on the whole entry: right for a log whose entries record one thing each.
     */
    default List<AuditLine> lines(LoggedEntry entry) {
        return AuditLine.ofWholeEntry(entry, describe(entry));
    }

    @Override
    void close();
}
