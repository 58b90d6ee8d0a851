package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify-log --data DIR}: what the operator runs when a start refuses a damaged log. */
class VerifyLogCommandTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifyLogCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void startAndStopAnEngine() {
        Engine.start(
                        EngineConfig.defaults()
                                .withHttpPort(0)
                                .withDataDir(data)
                                .withDailyConsignments(100),
                        Clock.systemUTC())
                .close();
    }

    @Test
    void aWholeDataFolderVerifiesWithOneLinePerLog() {
        startAndStopAnEngine();
        assertEquals(0, run("--data", data.toString()), err.toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                text.matches("(?s)registry: \\d+ entries in 1 segments, last sequence \\d+, checkpoint at \\d+: OK\n"
                        + "lane: 0 entries in 0 segments, last sequence 0, no checkpoint: OK\n"),
                text);
    }

    @Test
    void aDamagedRegistryLogIsNamedAndExitsTwo() throws Exception {
        startAndStopAnEngine();
        Path segment;
        try (Stream<Path> files = Files.list(data.resolve("log").resolve("registry"))) {
            segment =
                    files.filter(f -> f.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
            raf.seek(60);
            int b = raf.read();
            raf.seek(60);
            raf.write(b ^ 1);
        }
        assertEquals(2, run("--data", data.toString()));
        assertTrue(
                out.toString(StandardCharsets.UTF_8)
                        .contains("registry: BROKEN: ALTERED at sequence 1 in segment " + segment.getFileName()),
                out.toString());
    }

    @Test
    void badArgumentsOrNoLogSayWhatIsWrong() throws Exception {
        assertEquals(1, run("--data"));
        assertTrue(err.toString().contains("usage"), err.toString());
        Files.createDirectories(data.resolve("journal"));
        assertEquals(1, run("--data", data.toString()));
        assertTrue(err.toString().contains("has no log/ folder (an older engine's data"), err.toString());
    }

    @Test
    void theJarsVerifyLogCommandRunsAsItsOwnProcess() throws Exception {
        startAndStopAnEngine();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(EngineProcess.chronicleFlags());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("verify-log");
        command.add("--data");
        command.add(data.toString());
        Path output = data.resolve("verify.out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String text = Files.readString(output);
        assertEquals(0, process.exitValue(), text);
        assertTrue(text.contains("registry: ") && text.contains(": OK"), text);
    }
}
