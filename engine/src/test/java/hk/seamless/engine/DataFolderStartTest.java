package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder the engine cannot use stops the start with one line naming the setting, not a stack trace. */
class DataFolderStartTest {

    @TempDir
    Path dir;

    @Test
    void aDataFolderThatIsAFileIsRefusedNamingTheSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        for (Path dataDir : new Path[] {file, file.resolve("under-a-file")}) {
            StartFailure refused = assertThrows(
                    StartFailure.class,
                    () -> Engine.start(
                            EngineConfig.defaults()
                                    .withHttpPort(0)
                                    .withDataDir(dataDir)
                                    .withDailyConsignments(100),
                            Clock.systemUTC()));
            assertTrue(refused.getMessage().contains("SEAMLESS_DATA_DIR"), refused.getMessage());
            assertTrue(refused.getMessage().contains(dataDir.toString()), refused.getMessage());
        }
    }
}
