package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import hk.seamless.log.SegmentedLog;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lane log is read back at every start (the board's arrivals, the releases never to repeat).
 * Damage found there stops the start as the registry log's does: one sentence naming the entry and
 * what to run, not a stack trace, whether its checksum gives it away or was written to match.
 */
class DamagedLaneLogStartTest {

    @TempDir
    Path dataDir;

    @Test
    void anEntryWhoseChecksumNoLongerHoldsStopsTheStartSayingWhatToRun() throws Exception {
        Path segment = laneLogOf(List.of(gateAck("A1"), gateAck("A2"), gateAck("A3")));
        byte[] bytes = Files.readAllBytes(segment);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf("GATE_ACK");
        try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
            raf.seek(at);
            raf.write('g');
        }
        assertRefused();
    }

    @Test
    void anEntryThatIsNotJsonThoughItsChecksumHoldsStopsTheStartNamingIt() throws Exception {
        laneLogOf(List.of(gateAck("A1"), "{\"entry\":\"GATE_ACK\",\"arr".getBytes(StandardCharsets.UTF_8)));
        StartFailure refused = assertRefused();
        assertTrue(refused.getMessage().contains("is not a JSON object"), refused.getMessage());
    }

    private StartFailure assertRefused() {
        StartFailure refused = assertThrows(
                StartFailure.class,
                () -> Engine.start(config(), Clock.systemUTC()).close());
        assertTrue(refused.getMessage().startsWith("the lane log: "), refused.getMessage());
        assertTrue(refused.getMessage().contains("verify-log --data"), refused.getMessage());
        return refused;
    }

    /** A data folder an engine made, whose lane log then holds {@code payloads} before its checkpoint. */
    private Path laneLogOf(List<byte[]> payloads) throws Exception {
        Engine.start(config(), Clock.systemUTC()).close();
        Path dir = dataDir.resolve("log").resolve("lane");
        try (SegmentedLog log = SegmentedLog.open(dir, config().log(), Clock.systemUTC(), entry -> {})) {
            log.appendAll(payloads);
            log.checkpoint(Map.of());
        }
        try (var files = Files.list(dir)) {
            List<Path> segments =
                    files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
            return segments.get(segments.size() - 1);
        }
    }

    private static byte[] gateAck(String arrivalId) {
        return ("{\"entry\":\"GATE_ACK\",\"arrivalId\":\"" + arrivalId
                        + "\",\"lane\":\"LMC-S-01\",\"state\":\"CLOSED\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private EngineConfig config() {
        return EngineConfig.defaults().withHttpPort(0).withDataDir(dataDir).withDailyConsignments(100);
    }
}
