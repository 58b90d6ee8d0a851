package hk.seamless.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One segment file, named by the sequence of its first entry and the Hong Kong day it was started
 * on, {@code 00000000000000000001-2026-12-02.seg}: names sort in log order, and an audit of a time
 * range can pass over whole segments by their day.
 */
public record Segment(Path file, long firstSequence, LocalDate day) {

    private static final Pattern NAME = Pattern.compile("(\\d{20})-(\\d{4}-\\d{2}-\\d{2})\\.seg");

    static Segment of(Path dir, long firstSequence, LocalDate day) {
        return new Segment(dir.resolve(String.format("%020d-%s.seg", firstSequence, day)), firstSequence, day);
    }

    public String name() {
        return file.getFileName().toString();
    }

    /** The segments of a log folder in log order (none if the folder does not exist). */
    static List<Segment> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Segment::parse)
                    .filter(java.util.Objects::nonNull)
                    .sorted(java.util.Comparator.comparingLong(Segment::firstSequence))
                    .toList();
        }
    }

    private static Segment parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        return new Segment(file, Long.parseLong(m.group(1)), LocalDate.parse(m.group(2)));
    }
}
