package hk.seamless.log;

/**
 * One entry of a {@link SegmentedLog} as read back.
 *
 * @param sequence         its place in the log: 1, 2, 3, ... without gaps, across segments
 * @param appendedAtMillis when the log took it (epoch milliseconds)
 * @param payload          what the owner appended
 * @param segment          the file name of the segment that holds it
 * @param position         the byte offset of its frame in that segment
 */
public record LogEntry(long sequence, long appendedAtMillis, byte[] payload, String segment, long position) {}
