package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine as operators start it ({@code java ... Main}): what it says about the IVRS webhook's signatures. */
class IvrsSigningStartTest {

    private static final String SECRET = "9f86d081884c7d659a2feaa0c55ad015";

    @TempDir
    Path dir;

    @Test
    void aSigningSecretWithoutThePublicUrlStopsTheStart() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("refused.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(EngineProcess.chronicleFlags());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("SEAMLESS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("SEAMLESS_HTTP_PORT", "0");
        builder.environment().put("SEAMLESS_DATA_DIR", data.toString());
        builder.environment().put("SEAMLESS_IVRS_SIGNING_SECRET", SECRET);
        builder.environment().remove("SEAMLESS_IVRS_PUBLIC_URL");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the engine started instead of refusing; see " + log);
        }
        String output = Files.readString(log);
        assertEquals(2, process.exitValue(), output);
        assertTrue(
                output.contains("SEAMLESS_IVRS_SIGNING_SECRET") && output.contains("SEAMLESS_IVRS_PUBLIC_URL"), output);
        assertFalse(output.contains(SECRET), output);
        // Refused before anything was opened.
        assertFalse(Files.exists(data.resolve("http.port")), output);
    }

    @Test
    void withoutASecretTheStartWarnsThatSignaturesAreNotChecked() throws Exception {
        Path log = dir.resolve("engine.log");
        EngineProcess engine = EngineProcess.start(dir.resolve("data"), log);
        engine.stop();
        String output = Files.readString(log);
        assertTrue(
                output.lines()
                        .anyMatch(line -> line.contains("WARN")
                                && line.contains("signatures are not checked")
                                && line.contains("SEAMLESS_IVRS_SIGNING_SECRET")),
                output);
    }
}
