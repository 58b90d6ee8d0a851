package hk.seamless.log;

import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the owner's state was durable up to: the sequence and hash of the last entry it had applied,
 * the segment and byte position of that entry, when, and the owner's own marks (the registry keeps
 * its feed sequence there). A start reads the log only after it.
 *
 * @param position where the entry's frame starts in {@code segment}
 * @param end      where it ends: the next entry's frame starts there
 */
public record Checkpoint(
        long sequence, byte[] hash, String segment, long position, long end, Instant at, Map<String, Long> marks) {

    static final String FILE = "checkpoint";
    private static final String MARK = "mark.";

    public Checkpoint {
        marks = Map.copyOf(marks);
    }

    public String hashHex() {
        return Frame.hex(hash);
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("sequence", Long.toString(sequence));
        p.setProperty("hash", hashHex());
        p.setProperty("segment", segment);
        p.setProperty("position", Long.toString(position));
        p.setProperty("end", Long.toString(end));
        p.setProperty("at", at.toString());
        new TreeMap<>(marks).forEach((k, v) -> p.setProperty(MARK + k, Long.toString(v)));
        return p;
    }

    static Checkpoint fromProperties(Properties p) {
        Map<String, Long> marks = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(MARK)) {
                marks.put(key.substring(MARK.length()), Long.parseLong(p.getProperty(key)));
            }
        }
        return new Checkpoint(
                Long.parseLong(required(p, "sequence")),
                HexFormat.of().parseHex(required(p, "hash")),
                required(p, "segment"),
                Long.parseLong(required(p, "position")),
                Long.parseLong(required(p, "end")),
                Instant.parse(required(p, "at")),
                marks);
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("the checkpoint has no " + key);
        }
        return value;
    }

    /** The checkpoint of a log folder, or null if it has none; a damaged one is a failure to start. */
    public static Checkpoint read(java.nio.file.Path dir) {
        Properties p = DurableFile.read(dir.resolve(FILE));
        if (p == null) {
            return null;
        }
        try {
            return fromProperties(p);
        } catch (RuntimeException e) {
            throw new LogDamageException(
                    "the checkpoint " + dir.resolve(FILE) + " cannot be read (" + e.getMessage() + "); run verify-log");
        }
    }

    void write(java.nio.file.Path dir) throws IOException {
        DurableFile.write(dir.resolve(FILE), toProperties());
    }
}
