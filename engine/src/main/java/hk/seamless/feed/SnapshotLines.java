package hk.seamless.feed;

import java.time.Instant;

/**
 * The registry's snapshot on the wire, a JSON object a line: the head (the feed sequence the
 * snapshot is at least as recent as, and when it was taken), every lane change ({@link
 * FeedCodec#writeChange}), and the end mark, so that a cut transfer is never taken for a whole one.
 */
public final class SnapshotLines {

    /** The last line of a whole snapshot. */
    public static final String END = "{\"end\":true}";

    /** @param sequence the feed's sequence read before the records; @param takenAt when */
    public record Head(long sequence, Instant takenAt) {}

    private SnapshotLines() {}

    public static String head(long sequence, Instant takenAt) {
        return "{\"sequence\":" + sequence + ",\"takenAt\":\"" + takenAt + "\"}";
    }

    /** @throws IllegalArgumentException when the line is not a snapshot's head */
    public static Head head(String line) {
        if (line == null) {
            throw new IllegalArgumentException("the snapshot is empty: no head line");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"sequence\":(\\d+),\"takenAt\":\"([^\"]+)\"}")
                .matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not a snapshot's head line: " + (line.length() > 100 ? line.substring(0, 100) : line));
        }
        return new Head(Long.parseLong(m.group(1)), Instant.parse(m.group(2)));
    }
}
