package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.log.LogVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop by SIGTERM (systemd, docker stop, Kubernetes) is a clean stop: the maps are forced and the
 * registry log checkpointed at its last entry, so the next start replays nothing. Chronicle's own
 * exit hook must not close the maps under the engine's feet first.
 */
class CleanStopCheckpointTest {

    @TempDir
    Path data;

    @Test
    void aSigtermStopCheckpointsAtTheLastEntryAndTheRestartReplaysNothing() throws Exception {
        Path log = data.resolve("engine.log");
        EngineProcess.start(data, log).stop();

        String text = Files.readString(log);
        assertFalse(text.contains("ERROR"), text);
        LogVerifier.Result registry = LogVerifier.verify(data.resolve("log").resolve("registry"));
        assertTrue(registry.ok(), String.valueOf(registry.broken()));
        assertTrue(registry.lastSequence() > 0, "the start wrote the admin account");
        assertEquals(registry.lastSequence(), registry.checkpoint().sequence(), text);
        assertFalse(Files.exists(data.resolve("stores").resolve("OPEN")), "a clean stop removes the marker");

        EngineProcess.start(data, log).stop();
        String after = Files.readString(log);
        assertFalse(after.contains("Replayed") || after.contains("Recovered from an unclean stop"), after);
    }
}
