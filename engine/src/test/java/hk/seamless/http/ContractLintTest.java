package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract passes Redocly's linter ({@code @redocly/cli}, from npm, at a pinned version) with
 * the repository's {@code redocly.yaml}: warnings are errors there. Without {@code npx} the test is
 * skipped, saying so, unless {@code SEAMLESS_REQUIRE_CONTRACT_LINT} is set (CI sets it, and installs
 * Node.js), when it fails instead.
 */
class ContractLintTest {

    /** Pinned: a newer linter may bring new rules; move it on purpose. 1.34 runs on Debian 12's Node.js 18. */
    static final String REDOCLY_CLI = "@redocly/cli@1.34.20";

    /** The first run fetches the linter; a ceiling for that, never a measure of speed. */
    private static final long PATIENCE_SECONDS = 600;

    @Test
    void theContractPassesTheLinter() throws IOException, InterruptedException {
        Path root = repositoryRoot();
        String npx = onPath("npx");
        if (npx == null) {
            String why = "npx (Node.js) is not installed: the contract was not linted (apt-get install -y nodejs npm)";
            if (System.getenv("SEAMLESS_REQUIRE_CONTRACT_LINT") != null) {
                fail(why + "; SEAMLESS_REQUIRE_CONTRACT_LINT is set, so this is a failure");
            }
            Assumptions.abort(why);
        }
        Path output = Files.createTempFile("seamless-contract-lint-", ".txt");
        Process lint = new ProcessBuilder(
                        npx,
                        "--yes",
                        REDOCLY_CLI,
                        "lint",
                        "--config",
                        "redocly.yaml",
                        "engine/src/main/resources/openapi.yaml")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        lint.getOutputStream().close();
        if (!lint.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            lint.destroyForcibly();
            fail("the linter did not finish within " + PATIENCE_SECONDS + " s: " + Files.readString(output));
        }
        String report = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertEquals(0, lint.exitValue(), "openapi.yaml does not pass " + REDOCLY_CLI + " lint:\n" + report);
        assertTrue(report.contains("validated"), "the linter should say it validated the contract:\n" + report);
    }

    /** The test runs in engine/; redocly.yaml is at the top of the repository. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("redocly.yaml"))) {
                return dir;
            }
        }
        throw new AssertionError("redocly.yaml not found above " + Path.of("").toAbsolutePath());
    }

    private static String onPath(String program) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? List.<String>of() : List.of(path.split(java.io.File.pathSeparator))) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
