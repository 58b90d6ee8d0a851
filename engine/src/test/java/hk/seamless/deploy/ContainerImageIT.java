package hk.seamless.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The container image of deploy/container/Dockerfile, built from the repository with the jar that
 * {@code package} made, run as operators run it: it becomes healthy, runs as the non-root user,
 * the API answers, a lodgement survives a restart on the same volume, and after {@code docker
 * kill} (SIGKILL) a new container on the same volume still has every acknowledged lodgement.
 *
 * <p>Runs in the {@code integration-test} phase (failsafe), after the shade plugin made the jar.
 * Only locally built images are used: the base {@code debian:bookworm-slim} is made by
 * {@code deploy/container/build-image.sh --base-only} (debootstrap) if it is missing. Without a
 * container engine the tests are skipped, saying why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ContainerEngineCondition.class)
class ContainerImageIT {

    private static String image;
    private static final String ADMIN_TOKEN = "it-admin-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern STARTED = Pattern.compile("started in (\\d+) ms");

    private static String volume;
    private static String shipperToken;
    private static String firstCcrn;

    @BeforeAll
    static void buildImage() throws Exception {
        image = LocalImages.engine();

        volume = "seamless-it-" + UUID.randomUUID().toString().substring(0, 8);
        client().createVolumeCmd().withName(volume).exec();
    }

    @AfterAll
    static void removeVolume() {
        if (volume != null) {
            try {
                client().removeVolumeCmd(volume).exec();
            } catch (RuntimeException e) {
                System.err.println("could not remove volume " + volume + ": " + e);
            }
        }
    }

    @Test
    @Order(1)
    void becomesHealthyAndTheApiAnswers() throws Exception {
        try (GenericContainer<?> engine = engine()) {
            engine.start();
            assertEquals(
                    "healthy",
                    client().inspectContainerCmd(engine.getContainerId())
                            .exec()
                            .getState()
                            .getHealth()
                            .getStatus());
            assertEquals("10001", engine.execInContainer("id", "-u").getStdout().trim(), "runs as user seamless");
            System.out.println("engine in the container: " + startLine(engine));

            HttpResponse<String> health = get(engine, "/health", null);
            assertEquals(200, health.statusCode());
            assertEquals("UP", JSON.readTree(health.body()).path("status").asText());
            assertTrue(get(engine, "/metrics", null).body().contains("seamless_ring_size"), "Prometheus text");
            // The pages come from inside the image's jar: nothing else to install or serve.
            for (String page : new String[] {"/portal/", "/console/", "/admin/"}) {
                HttpResponse<String> html = get(engine, page, null);
                assertEquals(200, html.statusCode(), page);
                assertTrue(html.body().contains("type=\"module\""), page + " is the page, not an error");
            }

            shipperToken = approvedShipper(engine);
            firstCcrn = lodge(engine, shipperToken, 120);
            HttpResponse<String> read = get(engine, "/api/v1/consignments/" + firstCcrn, shipperToken);
            assertEquals(200, read.statusCode(), read.body());
            assertEquals("LODGED", JSON.readTree(read.body()).path("status").asText());

            // A clean stop (SIGTERM, as `docker stop`): the engine says it closed cleanly.
            client().stopContainerCmd(engine.getContainerId()).withTimeout(30).exec();
            assertTrue(engine.getLogs().contains("stopped cleanly"), engine.getLogs());
        }
    }

    @Test
    @Order(2)
    void aLodgementSurvivesARestartOnTheSameVolume() throws Exception {
        assumeTrue(firstCcrn != null, "needs the lodgement of the first test");
        try (GenericContainer<?> engine = engine()) {
            engine.start();
            HttpResponse<String> read = get(engine, "/api/v1/consignments/" + firstCcrn, shipperToken);
            assertEquals(200, read.statusCode(), read.body());
            JsonNode c = JSON.readTree(read.body());
            assertEquals(firstCcrn, c.path("ccrn").asText());
            assertEquals(120, c.path("packaged").path("packageCount").asInt(), read.body());
            client().stopContainerCmd(engine.getContainerId()).withTimeout(30).exec();
        }
    }

    @Test
    @Order(3)
    void dockerKillLosesNoAcknowledgedLodgement() throws Exception {
        assumeTrue(shipperToken != null, "needs the shipper of the first test");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (GenericContainer<?> engine = engine()) {
            engine.start();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger unexpected = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    while (!killed.get()) {
                        try {
                            acknowledged.add(lodge(engine, shipperToken, 1 + acknowledged.size() % 500));
                        } catch (IOException | AssertionError e) {
                            if (!killed.get()) {
                                unexpected.incrementAndGet();
                            }
                            return null;
                        }
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 200 && System.nanoTime() < deadline && unexpected.get() == 0) {
                Thread.sleep(10);
            }
            // SIGKILL while writes are in flight: no shutdown hook, no flush, no clean close.
            // (Writers start no new request from here; those in flight meet the kill.)
            killed.set(true);
            client().killContainerCmd(engine.getContainerId())
                    .withSignal("KILL")
                    .exec();
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(0, unexpected.get(), "lodgements failed before the kill");
            assertTrue(acknowledged.size() >= 50, "only " + acknowledged.size() + " lodgements acknowledged");
        }
        System.out.println(acknowledged.size() + " lodgements acknowledged before docker kill");

        try (GenericContainer<?> engine = engine()) {
            engine.start();
            System.out.println("engine after docker kill: " + startLine(engine));
            List<String> missing = new ArrayList<>();
            for (String ccrn : acknowledged) {
                HttpResponse<String> read = get(engine, "/api/v1/consignments/" + ccrn, shipperToken);
                if (read.statusCode() != 200) {
                    missing.add(ccrn + " -> " + read.statusCode());
                }
            }
            assertEquals(List.of(), missing, "acknowledged lodgements lost by docker kill");
            assertEquals(
                    200,
                    get(engine, "/api/v1/consignments/" + firstCcrn, shipperToken)
                            .statusCode());
            client().stopContainerCmd(engine.getContainerId()).withTimeout(30).exec();
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private static GenericContainer<?> engine() {
        return new GenericContainer<>(image)
                .withEnv("SEAMLESS_ADMIN_TOKEN", ADMIN_TOKEN)
                .withExposedPorts(8080)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withBinds(new Bind(volume, new Volume("/var/lib/seamless")))
                        .withMemory(1024L * 1024 * 1024))
                .withLogConsumer(new Slf4jLogConsumer(org.slf4j.LoggerFactory.getLogger("engine-container")))
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(2)));
    }

    private static String startLine(GenericContainer<?> engine) {
        Matcher m = STARTED.matcher(engine.getLogs());
        String line = m.find() ? "started in " + m.group(1) + " ms" : "(no start line)";
        return line;
    }

    private static DockerClient client() {
        return DockerClientFactory.instance().client();
    }

    private static URI uri(GenericContainer<?> engine, String path) {
        return URI.create("http://" + engine.getHost() + ":" + engine.getMappedPort(8080) + path);
    }

    private static HttpResponse<String> get(GenericContainer<?> engine, String path, String token) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(engine, path))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    private static HttpResponse<String> post(GenericContainer<?> engine, String path, String token, String body)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(engine, path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String approvedShipper(GenericContainer<?> engine) throws IOException {
        HttpResponse<String> reg = post(
                engine,
                "/api/v1/registrations",
                null,
                "{\"role\":\"SHIPPER\",\"name\":\"Pearl River Electronics\",\"email\":\"ops@pearlriver.example\"}");
        assertEquals(202, reg.statusCode(), reg.body());
        String id = JSON.readTree(reg.body()).path("registrationId").asText();
        HttpResponse<String> approved =
                post(engine, "/api/v1/admin/registrations/" + id + "/approve", ADMIN_TOKEN, null);
        assertEquals(200, approved.statusCode(), approved.body());
        String token = JSON.readTree(approved.body()).path("token").asText();
        assertTrue(!token.isEmpty(), approved.body());
        return token;
    }

    private static String lodge(GenericContainer<?> engine, String token, int packages) throws IOException {
        String expected = LocalDate.now(ZoneId.of("Asia/Hong_Kong")).plusDays(2).toString();
        String body = "{\"direction\":\"IMPORT\",\"expectedDate\":\"" + expected + "\","
                + "\"consignor\":{\"name\":\"深圳市華強電子有限公司\",\"address\":\"深圳市福田區華強北路1號\"},"
                + "\"consignee\":{\"name\":\"Kwun Tong Traders Ltd\",\"address\":\"12 Hoi Yuen Road, Kwun Tong\"},"
                + "\"packaged\":{\"packageDescription\":\"CARTONS\",\"packageCount\":" + packages
                + ",\"articlesDescription\":\"mobile phones\"}}";
        HttpResponse<String> r = post(engine, "/api/v1/consignments", token, body);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("ccrn").asText();
    }
}
