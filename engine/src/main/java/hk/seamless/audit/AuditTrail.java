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
            readings.add(new Reading(log, cursor.before(log.name()), cursor.within(log.name()), toMillis));
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
            // One line at a time: an entry of many events may fill this page and go on on the next.
            page.add(newest.take(matcher));
        }
        Map<String, Long> before = new HashMap<>();
        Map<String, Integer> within = new HashMap<>();
        boolean more = false;
        for (Reading r : readings) {
            r.resume(before, within);
            more |= before.get(r.source.name()) > 1 || within.containsKey(r.source.name());
        }
        return new AuditPage(page, more ? new AuditCursor(before, within) : null);
    }

    /**
     * One log being read: the newest matching line not yet on the page is line {@link #next} of its
     * head entry. The lines of an entry are filtered one by one: an entry matches as a whole when any
     * of its lines might, then only the lines that do are given.
     */
    private static final class Reading {
        final AuditSource source;
        final Iterator<LoggedEntry> entries;
        LoggedEntry head;
        List<AuditLine> lines;
        int next;
        /** Below this every entry is either on the page or did not match... */
        long readBefore;
        /** ...and, when not 0, entry readBefore itself from this line on is still to read (the cursor's). */
        int readWithin;

        boolean exhausted;

        Reading(AuditSource source, long before, int within, long toMillis) {
            this.source = source;
            this.readBefore = before;
            this.readWithin = within;
            long readFrom = within > 0 && before < Long.MAX_VALUE ? before + 1 : before;
            this.entries = readFrom <= 1 ? null : source.newestFirst(readFrom, toMillis);
            this.exhausted = entries == null;
            if (exhausted) {
                passed(0);
            }
        }

        /** Finds the head if there is none yet; false when the log has no more for this query. */
        boolean advance(AuditFilter.Matcher matcher, int[] scanned, int budget) {
            while (head == null && !exhausted && scanned[0] < budget) {
                if (!entries.hasNext()) {
                    exhausted = true;
                    passed(0);
                    break;
                }
                LoggedEntry e = entries.next();
                scanned[0]++;
                // the entry a page ended inside of: its lines before the cursor's were dealt with
                int firstLine = readWithin > 0 && e.sequence() == readBefore ? readWithin : 0;
                if (matcher.isAfterRange(e.atMillis())) {
                    passed(e.sequence());
                } else if (matcher.isBeforeRange(e.atMillis())) {
                    // Appended times only grow (the clock is read on the one writer thread), so
                    // everything older is before the range too.
                    exhausted = true;
                    passed(0);
                } else if (matcher.matches(e.payload())) {
                    // No line names a token its entry does not: only entries that match are decoded.
                    List<AuditLine> described = source.lines(e);
                    int first = nextMatch(described, firstLine, matcher);
                    if (first < described.size()) {
                        head = e;
                        lines = described;
                        next = first;
                    } else {
                        passed(e.sequence());
                    }
                } else {
                    passed(e.sequence());
                }
            }
            return head != null;
        }

        /** The head's next matching line, for the page; the head is done with when it has no more. */
        AuditEntry take(AuditFilter.Matcher matcher) {
            AuditEntry line = lines.get(next).entry();
            next = nextMatch(lines, next + 1, matcher);
            if (next >= lines.size()) {
                passed(head.sequence());
                head = null;
                lines = null;
            }
            return line;
        }

        /** The time of an entry is the time of each of its lines: only the tokens are decided per line. */
        private static int nextMatch(List<AuditLine> lines, int from, AuditFilter.Matcher matcher) {
            int i = from;
            while (i < lines.size() && !matcher.matches(lines.get(i).evidence())) {
                i++;
            }
            return i;
        }

        private void passed(long sequence) {
            readBefore = sequence;
            readWithin = 0;
        }

        /**
         * Where the next page reads on: at the head's next line (not on this page yet), or below what
         * was read.
         */
        void resume(Map<String, Long> before, Map<String, Integer> within) {
            String log = source.name();
            if (head == null) {
                before.put(log, readBefore);
                if (readWithin > 0) {
                    within.put(log, readWithin);
                }
            } else if (next == 0) {
                before.put(log, head.sequence() + 1);
            } else {
                before.put(log, head.sequence());
                within.put(log, next);
            }
        }
    }
}
