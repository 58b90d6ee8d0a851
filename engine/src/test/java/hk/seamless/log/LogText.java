package hk.seamless.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The registry log of a data folder as text, one entry a line: what tests search the audit trail in. */
public final class LogText {

    private LogText() {}

    public static String registry(Path dataDir) {
        try (Stream<LogEntry> all =
                LogReader.of(dataDir.resolve("log").resolve("registry")).forward(1)) {
            return all.map(e -> new String(e.payload(), StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
        }
    }
}
