package hk.seamless.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import hk.seamless.http.LaneTestClient;
import hk.seamless.http.TradeApiClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;

/**
 * The compose topology (deploy/compose/topology.yaml) from the locally built images: the Kafka
 * broker image of deploy/kafka, a registry and a lane engine for LMC, on one network under the
 * stack's names ({@code kafka}, {@code registry}, {@code lane-lmc}) and with the stack's settings
 * (read from the compose file). A bundle made at the registry
 * reaches the lane engine and the truck is released there; with the broker's container paused
 * (cgroup freezer: sockets open, nothing answers, as a cut link) the lane engine still releases a
 * truck bundled before the cut, inspects one bundled during it, and its /health says the feed is
 * behind and since when; with the broker back the registry records the crossing made while cut off.
 *
 * <p>What the roles do is tested in process by {@code hk.seamless.kafka.RolesOverKafkaTest}; this
 * test is about the images and their wiring: the settings as the stack passes them, the names,
 * the health checks, a broker frozen as an operator would ({@code docker pause}). Real clocks here:
 * the engines run with the stack's {@code SEAMLESS_BUNDLING_LEAD=PT0S}, each truck uses its own
 * lane, and every wait is a bound for a noisy machine, not a measure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ContainerEngineCondition.class)
class TopologyIT {

    private static final String ADMIN_TOKEN = "it-admin-" + UUID.randomUUID();
    private static final String FEED_TOKEN = "it-feed-" + UUID.randomUUID();
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private Network network;
    private GenericContainer<?> kafka;
    private GenericContainer<?> registry;
    private GenericContainer<?> lmc;
    private TradeApiClient registryApi;
    private TradeApiClient lmcApi;
    private LaneTestClient lmcLanes;
    private TradeApiClient.Account shipper;
    private TradeApiClient.Account trucker;
    private TradeApiClient.Account supervisor;
    private TradeApiClient.Account officer;

    @BeforeAll
    void startTopology() throws Exception {
        String engineImage = LocalImages.engine();
        String kafkaImage = LocalImages.kafka();
        // The settings as deploy/compose/topology.yaml gives them, with the variables an env file would give.
        ComposeStack stack = ComposeStack.read(
                LocalImages.root().resolve("deploy/compose/topology.yaml"),
                Map.of(
                        "SEAMLESS_ADMIN_TOKEN",
                        ADMIN_TOKEN,
                        "SEAMLESS_FEED_TOKEN",
                        FEED_TOKEN,
                        "SEAMLESS_DAILY_CONSIGNMENTS",
                        "100", // small stores: a quicker start
                        "SEAMLESS_FEED_BEHIND_AFTER",
                        "PT3S")); // says "behind" sooner than the stack's 10 s
        network = Network.newNetwork();
        kafka = new GenericContainer<>(kafkaImage)
                .withNetwork(network)
                .withNetworkAliases("kafka")
                .withEnv(stack.environment("kafka"))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(768L * 1024 * 1024))
                .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("kafka-container")))
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(2)));
        registry = engine(engineImage, "registry", stack.environment("registry"));
        // The registry's start does not wait for Kafka (its links retry on their own threads): both at once.
        Startables.deepStart(kafka, registry).join();
        assertEquals("10003", kafka.execInContainer("id", "-u").getStdout().trim(), "the broker runs as user kafka");

        registryApi = new TradeApiClient(registry.getMappedPort(8080), ADMIN_TOKEN);
        shipper = registryApi.newAccount("SHIPPER");
        trucker = registryApi.newAccount("TRUCKER");
        supervisor = registryApi.newAccount("SUPERVISOR");
        // No random inspection at LMC: every decision here follows from what the lane engine knows.
        registryApi
                .put("/api/v1/risk/random-rates/LMC", supervisor.token(), new JsonObject().put("rate", 0.0))
                .expect(200);

        lmc = engine(engineImage, "lane-lmc", stack.environment("lane-lmc"));
        assertEquals("LMC", stack.environment("lane-lmc").get("SEAMLESS_CONTROL_POINT"));
        lmc.start();
        lmcApi = new TradeApiClient(lmc.getMappedPort(8080), ADMIN_TOKEN);
        lmcLanes = new LaneTestClient(lmc.getMappedPort(8080), lmcApi);
        officer = lmcApi.newStaff("OFFICER", "officer-password-1234");
        awaitCaughtUp();
    }

    @AfterAll
    void stopTopology() {
        for (GenericContainer<?> c : new GenericContainer<?>[] {lmc, registry, kafka}) {
            if (c == null) {
                continue;
            }
            try {
                if (Boolean.TRUE.equals(client().inspectContainerCmd(c.getContainerId())
                        .exec()
                        .getState()
                        .getPaused())) {
                    client().unpauseContainerCmd(c.getContainerId()).exec();
                }
            } catch (RuntimeException e) {
                System.err.println("could not inspect " + c.getContainerName() + ": " + e);
            }
            c.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void aLaneEngineCutOffFromTheBrokerKeepsDecidingAndItsCrossingReachesTheRegistryWhenTheBrokerIsBack() {
        // Connected: a bundle made at the registry is at the lane engine; released; the crossing recorded.
        Truck first = bundledTruck();
        awaitCaughtUp();
        assertEquals("RELEASE", decideAt("LMC-S-01", first).getString("decision"));
        awaitBundleStatus(first.bundleId(), "USED");

        // Cut: the broker frozen. A truck bundled before the cut, one bundled during it.
        Truck before = bundledTruck();
        awaitCaughtUp();
        pauseBroker();
        Truck during = bundledTruck();

        JsonObject released = decideAt("LMC-S-02", before);
        assertEquals("RELEASE", released.getString("decision"), "bundled before the cut: released " + released);
        JsonObject inspected = decideAt("LMC-S-03", during);
        assertNotEquals(
                "RELEASE",
                inspected.getString("decision"),
                "bundled during the cut, the lane engine cannot know of it: " + inspected);

        await(
                () -> health(lmcApi).getJsonObject("feed").getBoolean("behind"),
                "the lane engine says its feed is behind");
        JsonObject feed = health(lmcApi).getJsonObject("feed");
        assertNotNull(feed.getString("behindSince"), "and since when: " + feed);
        assertEquals(
                "ACTIVE", bundleStatus(before.bundleId()), "cut off, the crossing has not reached the registry yet");

        // Back: the crossing made while cut off is recorded once; the lane engine catches up.
        client().unpauseContainerCmd(kafka.getContainerId()).exec();
        awaitBundleStatus(before.bundleId(), "USED");
        assertEquals(1, audit(before.bundleId(), "CROSSED").size(), "one crossing recorded");
        awaitCaughtUp();
        await(() -> !health(lmcApi).getJsonObject("feed").getBoolean("behind"), "the feed is current again");
        assertEquals(
                "RELEASE",
                decideAt("LMC-S-04", during).getString("decision"),
                "now the bundle made during the cut is at the lane engine");
    }

    // ---- the stack ----

    /** An engine container under its compose service's name, with that service's settings. */
    private GenericContainer<?> engine(String image, String service, Map<String, String> environment) {
        return new GenericContainer<>(image)
                .withNetwork(network)
                .withNetworkAliases(service)
                .withEnv(environment)
                .withExposedPorts(8080)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(1024L * 1024 * 1024))
                .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger(service + "-container")))
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(2)));
    }

    /**
     * {@code docker pause}: the cgroup freezer. It can fail while a process is being started in the
     * container (the image's health check runs every 5 s): "unable to freeze", nothing paused. Tried again.
     */
    private void pauseBroker() {
        for (int attempt = 1; ; attempt++) {
            try {
                client().pauseContainerCmd(kafka.getContainerId()).exec();
                return;
            } catch (com.github.dockerjava.api.exception.DockerException e) {
                if (attempt == 5) {
                    throw e;
                }
                System.out.println("docker pause failed (" + e.getMessage().strip() + "); again");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static DockerClient client() {
        return DockerClientFactory.instance().client();
    }

    private static JsonObject health(TradeApiClient api) {
        return api.get("/health", null).expect(200).json();
    }

    /** The lane engine has applied everything the registry issued so far. */
    private void awaitCaughtUp() {
        long issued = health(registryApi).getJsonObject("feed").getLong("issued");
        await(
                () -> health(lmcApi).getJsonObject("feed").getLong("applied") >= issued,
                "lane engine LMC at feed entry " + issued);
    }

    // ---- the registry's side ----

    record Truck(String mark, String tag, String bundleId) {}

    private Truck bundledTruck() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Hong_Kong"));
        String ccrn = registryApi.lodgeCcrn(shipper.token(), "IMPORT", today);
        String mark = TradeApiClient.uniqueMark();
        String tag = TradeApiClient.uniqueTag();
        registryApi.registerVehicleRaw(trucker.token(), mark, tag).expect(201);
        JsonObject bundle = registryApi.bundle(trucker.token(), mark, "IMPORT", ccrn);
        return new Truck(mark, tag, bundle.getString("bundleId"));
    }

    private String bundleStatus(String bundleId) {
        return registryApi
                .get("/api/v1/bundles/" + bundleId, trucker.token())
                .expect(200)
                .json()
                .getString("status");
    }

    private void awaitBundleStatus(String bundleId, String status) {
        await(() -> status.equals(bundleStatus(bundleId)), "bundle " + bundleId + " " + status + " at the registry");
    }

    private JsonArray audit(String bundleId, String action) {
        JsonArray entries = registryApi
                .get("/api/v1/audit?bundle=" + bundleId + "&limit=50", supervisor.token())
                .expect(200)
                .json()
                .getJsonArray("entries");
        JsonArray out = new JsonArray();
        entries.stream()
                .map(JsonObject.class::cast)
                .filter(e -> action.equals(e.getString("action")))
                .forEach(out::add);
        return out;
    }

    // ---- the lane engine's side ----

    /**
     * The truck read at a lane (plate and tag) with the lane's gate connected; the decision as the
     * gate controller hears it. Each truck gets a lane of its own: the presence window runs on the
     * real clock here.
     */
    private JsonObject decideAt(String laneId, Truck truck) {
        String camera = lmcLanes.registerDevice(laneId, "CAMERA");
        String rfid = lmcLanes.registerDevice(laneId, "RFID");
        String gateToken = lmcLanes.registerDevice(laneId, "GATE");
        try (LaneTestClient.Socket gate = lmcLanes.gate(laneId, gateToken)) {
            awaitGateConnected(laneId);
            lmcLanes.plateRead(laneId, camera, truck.mark(), 95).expect(202);
            lmcLanes.tagRead(laneId, rfid, truck.tag());
            return gate.await(
                    f -> "decision".equals(f.getString("kind")) && truck.mark().equals(f.getString("vehicleMark")),
                    Duration.ofSeconds(30),
                    "deciding vehicle " + truck.mark() + " at " + laneId);
        }
    }

    private void awaitGateConnected(String laneId) {
        await(
                () -> {
                    try (LaneTestClient.Socket console = lmcLanes.console(officer.token())) {
                        JsonObject hello = console.await(
                                f -> "hello".equals(f.getString("kind")), Duration.ofSeconds(10), "the hello");
                        return hello.getJsonArray("lanes").stream()
                                .map(JsonObject.class::cast)
                                .anyMatch(l -> laneId.equals(l.getString("lane")) && l.getBoolean("gateConnected"));
                    }
                },
                "lane " + laneId + "'s gate connected");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("not within " + PROPAGATION + ": " + what);
    }
}
