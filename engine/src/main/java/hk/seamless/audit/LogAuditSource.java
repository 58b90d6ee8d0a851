package hk.seamless.audit;

import hk.seamless.log.LogEntry;
import hk.seamless.log.LogReader;
import hk.seamless.log.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One of the engine's logs as the audit trail reads it. A segment holds one Hong Kong day, so a
 * query that ends before a day skips that day's segments without opening them.
 */
public final class LogAuditSource implements AuditSource {

    private final String name;
    private final LogReader reader;
    private final Function<LoggedEntry, List<AuditLine>> describer;
    private final List<Stream<LogEntry>> opened = new ArrayList<>();

    /** @param describer turns an entry into its lines, each with what a filter decides on */
    public LogAuditSource(String name, LogReader reader, Function<LoggedEntry, List<AuditLine>> describer) {
        this.name = name;
        this.reader = reader;
        this.describer = describer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Iterator<LoggedEntry> newestFirst(long beforeSequence, long toMillis) {
        long from = Math.min(beforeSequence - 1, lastBeforeDayAfter(toMillis));
        if (from < 1) {
            return java.util.Collections.emptyIterator();
        }
        Stream<LogEntry> entries = reader.backward(from);
        opened.add(entries);
        return entries.map(e -> new LoggedEntry(e.sequence(), e.appendedAtMillis(), e.payload()))
                .iterator();
    }

    /** The last sequence before the first segment of a day after {@code toMillis}'s day: nothing later can be in range. */
    private long lastBeforeDayAfter(long toMillis) {
        if (toMillis == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        LocalDate toDay = LocalDate.ofInstant(Instant.ofEpochMilli(toMillis), hk.seamless.config.HongKong.TIME_ZONE);
        for (Segment segment : reader.segments()) {
            if (segment.day().isAfter(toDay)) {
                return segment.firstSequence() - 1;
            }
        }
        return Long.MAX_VALUE;
    }

    @Override
    public List<AuditEntry> describe(LoggedEntry entry) {
        return lines(entry).stream().map(AuditLine::entry).toList();
    }

    @Override
    public List<AuditLine> lines(LoggedEntry entry) {
        return describer.apply(entry);
    }

    @Override
    public void close() {
        opened.forEach(Stream::close);
        opened.clear();
    }
}
