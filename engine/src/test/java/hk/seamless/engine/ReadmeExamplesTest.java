package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples run as pasted, on any day: its shell blocks are taken from the README
 * itself and run with bash, curl and jq against an engine on the real clock (only the port and
 * the admin token's path are changed). A fixed date in a request would fail here on the day it
 * falls out of the lodgement window.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path data;

    @Test
    void noExampleCarriesADateThatWillGoStale() throws IOException {
        for (String block : shellBlocks(Files.readString(README))) {
            for (String line : block.lines().toList()) {
                if (line.startsWith("#") || line.contains("# {")) {
                    continue; // an answer shown, not a request
                }
                assertFalse(
                        Pattern.compile("20\\d\\d-\\d\\d-\\d\\d").matcher(line).find(), "a fixed date: " + line);
                assertFalse(
                        line.contains("@engine/src/main/resources/batch/consignments-template.csv"),
                        "the template's example dates are not in today's window: " + line);
            }
        }
    }

    @Test
    void theTradeApiAndLaneExamplesRunAsPasted() throws Exception {
        for (String tool : List.of("bash", "curl", "jq", "sed")) {
            Assumptions.assumeTrue(
                    onPath(tool), tool + " is not installed: the README's shell examples cannot run here");
        }
        String readme = Files.readString(README);
        List<String> blocks = shellBlocks(readme);
        String trade = blocks.stream()
                .filter(b -> b.contains("# 1. A shipper and a trucker register"))
                .findFirst()
                .orElseThrow();
        String lane = blocks.stream()
                .filter(b -> b.contains("plate-reads"))
                .findFirst()
                .orElseThrow();
        Engine engine = Engine.start(
                EngineConfig.defaults()
                        .withHttpPort(0)
                        .withDataDir(data.resolve("data"))
                        .withDailyConsignments(100),
                Clock.systemUTC());
        try {
            String script = (trade + "\n" + lane)
                    .replace("localhost:8080", "localhost:" + engine.port())
                    .replace(
                            "cat data/admin.token",
                            "cat '" + data.resolve("data").resolve("admin.token") + "'")
                    .replace(
                            "/tmp/consignments.csv",
                            data.resolve("consignments.csv").toString());
            Path file = data.resolve("readme.sh");
            Files.writeString(file, "cd '" + Path.of("..").toAbsolutePath().normalize() + "'\n" + script);
            Process bash = new ProcessBuilder("bash", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(bash.getInputStream().readAllBytes());
            assertTrue(bash.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, bash.exitValue(), output);

            assertTrue(output.contains("\"status\":\"PENDING\""), output);
            assertTrue(output.contains("\"status\":409"), "step 4: amending a bundled consignment: " + output);
            assertTrue(output.contains("\"status\":\"UNBUNDLED\""), output);
            assertTrue(output.contains("\"version\":2"), output);
            assertTrue(output.contains("\"rows\":2,\"lodged\":2,\"rejected\":0"), "step 5: the batch: " + output);
            assertTrue(output.contains("\"kind\":\"decision\""), "the lane's decision: " + output);
            // Version 1 of the amended consignment was recorded when it was lodged (issue 18, item 13).
            Matcher lodged =
                    Pattern.compile("\"version\":1,\"lodgedAt\":\"([^\"]+)\"").matcher(output);
            Matcher recorded =
                    Pattern.compile("\"version\":1,\"recordedAt\":\"([^\"]+)\"").matcher(output);
            assertTrue(lodged.find() && recorded.find(), output);
            assertEquals(lodged.group(1), recorded.group(1), output);
        } finally {
            engine.close();
        }
    }

    private static List<String> shellBlocks(String markdown) {
        Matcher m = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        List<String> blocks = new java.util.ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
