package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code training-start} as the build and the image run it, on the packaged jar (the JVM archives
 * classes from jars only, so this runs after {@code package}, under failsafe): a JVM of its own under
 * {@code -XX:ArchiveClassesAtExit}, which must start the engine, hear /health, stop cleanly, leave
 * the class-data archive and nothing in the temporary folder; then a start given that archive maps
 * the engine's classes from it (what makes the start faster).
 */
class TrainingStartIT {

    @TempDir
    Path work;

    @Test
    void aTrainingStartLeavesAClassDataArchiveThatALaterStartUses() throws Exception {
        Path archive = work.resolve("seamless.jsa");
        Path tmp = Files.createDirectories(work.resolve("tmp"));

        Run training = java(
                tmp,
                List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:ArchiveClassesAtExit=" + archive),
                "training-start");

        assertEquals(0, training.status(), training.output());
        assertTrue(training.output().contains("training-start: the engine answered /health"), training.output());
        assertTrue(training.output().contains("stopped cleanly"), training.output());
        assertTrue(Files.size(archive) > 1_000_000, "an archive of the start's classes: " + Files.size(archive) + " B");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(
                    List.of(),
                    left.filter(p -> p.getFileName().toString().startsWith("seamless"))
                            .toList(),
                    "the training start's data folder is removed");
        }

        Run withArchive =
                java(tmp, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info"), "training-start");

        assertEquals(0, withArchive.status(), withArchive.output());
        assertTrue(
                withArchive
                        .output()
                        .lines()
                        .anyMatch(l ->
                                l.contains("hk.seamless.engine.Engine ") && l.contains("shared objects file (top)")),
                "the engine's own classes come from the archive");
    }

    private record Run(int status, String output) {}

    private Run java(Path tmp, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-jar");
        command.add(System.getProperty("seamless.engine.jar"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(work, "run", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("training-start did not end within 120 s: " + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output));
    }
}
