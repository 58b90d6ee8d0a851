package hk.seamless.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers audit queries by reading the logs newest first and merging them by time. There is no
 * index to keep: a query reads back from the newest entry (or from its {@code to}) until its page is
 * full, its {@code from} is passed, or it has read {@link #scanBudget} entries; then it gives a cursor
 * for the next page. So a rare query for an old record costs a few pages, never an unbounded wait.
 *
 * <p>Blocking (it reads files): call it from a worker, never from an event loop.
 */
public final class AuditTrail {

    private final Supplier<List<AuditSource>> sources;
    private final int scanBudget;

    /**
     * @param sources    opens the logs for one query (they are closed after it)
     * @param scanBudget how many entries one page may read at most
     */
    public AuditTrail(Supplier<List<AuditSource>> sources, int scanBudget) {
        this.sources = sources;
        this.scanBudget = scanBudget;
    }

    public AuditPage query(AuditFilter filter, AuditCursor cursor, int limit) {
        List<AuditSource> opened = sources.get();
        try {
            return query(opened, filter.matcher(), filter, cursor, limit);
        } finally {
            opened.forEach(AuditSource::close);
        }
    }

    private AuditPage query(
            List<AuditSource> logs, AuditFilter.Matcher matcher, AuditFilter filter, AuditCursor cursor, int limit) {
        long toMillis = filter.to() == null ? Long.MAX_VALUE : filter.to().toEpochMilli();
        List<Reading> readings = new ArrayList<>();
        for (AuditSource log : logs) {
            long before = cursor.before(log.name());
            readings.add(new Reading(log, before, before <= 1 ? null : log.newestFirst(before, toMillis)));
        }
        List<AuditEntry> page = new ArrayList<>();
        int[] scanned = {0};
        while (page.size() < limit && scanned[0] < scanBudget) {
            Reading newest = null;
            boolean undecided = false;
            for (Reading r : readings) {
                if (r.advance(matcher, scanned, scanBudget)) {
                    if (newest == null || r.head.atMillis() > newest.head.atMillis()) {
                        newest = r;
                    }
                } else {
                    undecided |= !r.exhausted;
                }
            }
            // A log whose next match is not found yet (the budget ran out) may hold a newer one:
            // the page ends here rather than put an older line before it.
            if (newest == null || undecided) {
                break;
            }
            page.addAll(newest.source.describe(newest.head));
            newest.consume();
        }
        Map<String, Long> next = new HashMap<>();
        boolean more = false;
        for (Reading r : readings) {
            long before = r.resumeBefore();
            next.put(r.source.name(), before);
            more |= before > 1;
        }
        return new AuditPage(page, more ? new AuditCursor(next) : null);
    }

    /** One log being read: the newest matching entry not yet on the page is its head. */
    private static final class Reading {
        final AuditSource source;
        final Iterator<LoggedEntry> entries;
        LoggedEntry head;
        /** Below this every entry is either on the page or did not match. */
        long readBefore;

        boolean exhausted;

        Reading(AuditSource source, long before, Iterator<LoggedEntry> entries) {
            this.source = source;
            this.entries = entries;
            this.readBefore = before;
            this.exhausted = entries == null;
        }

        /** Finds the head if there is none yet; false when the log has no more for this query. */
        boolean advance(AuditFilter.Matcher matcher, int[] scanned, int budget) {
            while (head == null && !exhausted && scanned[0] < budget) {
                if (!entries.hasNext()) {
                    exhausted = true;
                    readBefore = 0;
                    break;
                }
                LoggedEntry e = entries.next();
                scanned[0]++;
                if (matcher.isAfterRange(e.atMillis())) {
                    readBefore = e.sequence();
                } else if (matcher.isBeforeRange(e.atMillis())) {
                    // Appended times only grow (the clock is read on the one writer thread), so
                    // everything older is before the range too.
                    exhausted = true;
                    readBefore = 0;
                } else if (matcher.matches(e.payload())) {
                    head = e;
                } else {
                    readBefore = e.sequence();
                }
            }
            return head != null;
        }

        void consume() {
            readBefore = head.sequence();
            head = null;
        }

        /** Where the next page reads on: at the head (not on this page yet), or below what was read. */
        long resumeBefore() {
            return head != null ? head.sequence() + 1 : readBefore;
        }
    }
}
