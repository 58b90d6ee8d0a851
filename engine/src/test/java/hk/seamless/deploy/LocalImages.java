package hk.seamless.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The images the container tests run, built from the repository's Dockerfiles with what
 * {@code package} made, once per test JVM (failsafe runs every *IT in one): the engine
 * (deploy/container/Dockerfile) and the Kafka broker (deploy/kafka/Dockerfile). Only local images:
 * the base {@code debian:bookworm-slim} is made by {@code deploy/container/build-image.sh --base-only}
 * (debootstrap) if it is missing.
 */
final class LocalImages {

    static final String BASE_IMAGE = System.getProperty("seamless.base.image", "debian:bookworm-slim");
    static final String ENGINE = "seamless-engine:it";
    static final String KAFKA = "seamless-kafka:it";

    private static boolean baseChecked;
    private static boolean engineBuilt;
    private static boolean kafkaBuilt;

    private LocalImages() {}

    static Path root() {
        return Path.of(System.getProperty("seamless.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /** The engine's image, with the jar {@code package} made. */
    static synchronized String engine() throws Exception {
        if (!engineBuilt) {
            Path jar = Path.of(System.getProperty(
                    "seamless.engine.jar",
                    root().resolve("engine/target/seamless-engine.jar").toString()));
            assertTrue(
                    Files.isRegularFile(jar), jar + " is missing: these tests run after `package` (./mvnw -B verify)");
            ensureBaseImage();
            long t0 = System.nanoTime();
            new ImageFromDockerfile(ENGINE, false)
                    .withFileFromPath("Dockerfile", root().resolve("deploy/container/Dockerfile"))
                    .withFileFromPath("engine/target/seamless-engine.jar", jar)
                    .withBuildArg("BASE_IMAGE", BASE_IMAGE)
                    .get(15, TimeUnit.MINUTES);
            System.out.printf("image %s built in %d ms%n", ENGINE, (System.nanoTime() - t0) / 1_000_000);
            engineBuilt = true;
        }
        return ENGINE;
    }

    /** The single-node KRaft broker's image, with the jars deploy/kafka's {@code package} wrote. */
    static synchronized String kafka() throws Exception {
        if (!kafkaBuilt) {
            Path lib = root().resolve("deploy/kafka/target/lib");
            assertTrue(
                    hasBroker(lib),
                    lib + " has no kafka_2.13 jar: deploy/kafka's `package` writes it"
                            + " (./mvnw -B verify builds it before the engine)");
            ensureBaseImage();
            long t0 = System.nanoTime();
            new ImageFromDockerfile(KAFKA, false)
                    .withFileFromPath("Dockerfile", root().resolve("deploy/kafka/Dockerfile"))
                    .withFileFromPath("deploy/kafka/image", root().resolve("deploy/kafka/image"))
                    .withFileFromPath("deploy/kafka/target/lib", lib)
                    .withBuildArg("BASE_IMAGE", BASE_IMAGE)
                    .get(15, TimeUnit.MINUTES);
            System.out.printf("image %s built in %d ms%n", KAFKA, (System.nanoTime() - t0) / 1_000_000);
            kafkaBuilt = true;
        }
        return KAFKA;
    }

    private static boolean hasBroker(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"));
        }
    }

    private static void ensureBaseImage() throws Exception {
        if (baseChecked) {
            return;
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(BASE_IMAGE).exec();
            baseChecked = true;
            return;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            System.out.println(BASE_IMAGE + " is missing: making it with deploy/container/build-image.sh --base-only");
        }
        Process p = new ProcessBuilder(
                        "bash",
                        root().resolve("deploy/container/build-image.sh").toString(),
                        "--base-only")
                .inheritIO()
                .start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("build-image.sh --base-only did not finish in 20 minutes");
        }
        assertEquals(0, p.exitValue(), "build-image.sh --base-only could not make " + BASE_IMAGE);
        baseChecked = true;
    }
}
