package hk.seamless.kafka;

import hk.seamless.log.DurableFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

/**
 * An engine's identity: made once with its data folder ({@code engine.properties}). A lane
 * engine's, so that the registry tells this engine's lane log from the one a new data folder starts
 * again at 1; the registry's, so that after a restart it is the same member of the lane reports'
 * consumer group ({@link LaneReportRecorder#consumer}).
 */
public final class EngineIdentity {

    private EngineIdentity() {}

    public static String of(Path dataDir) {
        Path file = dataDir.resolve("engine.properties");
        Properties properties = DurableFile.read(file);
        properties = properties == null ? new Properties() : properties;
        String id = properties.getProperty("id");
        if (id != null) {
            return id;
        }
        properties.setProperty("id", UUID.randomUUID().toString());
        try {
            DurableFile.write(file, properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return properties.getProperty("id");
    }
}
