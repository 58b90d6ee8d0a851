package hk.seamless.engine;

import hk.seamless.config.ConfigLoader;
import hk.seamless.config.EngineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code training-start}: one start of the engine with its embedded defaults on an empty temporary
 * folder, loopback only, until its {@code /health} answers, then a clean stop and the folder gone.
 *
 * <p>Why it exists: run under {@code -XX:ArchiveClassesAtExit=FILE}, the JVM writes at exit an
 * application class-data archive of the ~5,000 classes a start loads; later starts given
 * {@code -XX:SharedArchiveFile=FILE} map them instead of reading and verifying them from the jar,
 * which takes about 40% off the time to the first {@code /health} 200 (benchmarks/README.md, "Start").
 * The build makes {@code engine/target/seamless.jsa} this way and the container image its own. An
 * archive made by another JDK or from another jar is ignored by the JVM, never used wrongly.
 *
 * <p>Exit status: 0 the engine started and answered, 1 it did not.
 */
final class TrainingStartCommand {

    static final int OK = 0;
    static final int FAILED = 1;

    private TrainingStartCommand() {}

    static int run(PrintStream out, PrintStream err) {
        Path folder;
        try {
            folder = Files.createTempDirectory("seamless-training-start");
        } catch (IOException e) {
            err.println("training-start: cannot make a temporary folder: " + e.getMessage());
            return FAILED;
        }
        try {
            EngineConfig config = new ConfigLoader(Map.of(
                            "SEAMLESS_DATA_DIR", folder.resolve("data").toString(),
                            "SEAMLESS_HTTP_HOST", "127.0.0.1",
                            "SEAMLESS_HTTP_PORT", "0"))
                    .load(null);
            long began = System.nanoTime();
            try (Engine engine = Engine.start(config, Clock.systemUTC())) {
                int status = health(engine.port());
                if (status != 200) {
                    err.println("training-start: /health answered " + status);
                    return FAILED;
                }
                out.printf(
                        "training-start: the engine answered /health after %d ms; stopping%n",
                        (System.nanoTime() - began) / 1_000_000);
            }
            return OK;
        } catch (RuntimeException e) {
            err.println("training-start: the engine did not start: " + e.getMessage());
            return FAILED;
        } finally {
            deleteQuietly(folder);
        }
    }

    /** The same request a readiness probe makes, so the classes that answer it are archived too. */
    private static int health(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + "/health").toURL().openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            connection.disconnect();
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from /health on port " + port, e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temporary folder left behind is not worth failing the build for.
        }
    }
}
