package hk.seamless.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.ConfigLoader;
import hk.seamless.config.ControlPoint;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.EngineRole;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The compose files of deploy/compose, checked without a container engine: each engine's settings
 * as the stack passes them are accepted by the engine's own configuration loader (the role checks
 * that refuse a wrong combination at start), the names the settings use are services of the stack,
 * each engine has a volume of its own, the secrets come from variables only (never a value in the
 * file, and the file they are made into is git-ignored), and Prometheus scrapes every engine.
 */
class ComposeFilesTest {

    private static final Path ROOT = LocalImages.root();
    private static final Map<String, String> SECRETS = Map.of(
            "SEAMLESS_ADMIN_TOKEN", "compose-admin-token-0123456789",
            "SEAMLESS_FEED_TOKEN", "compose-feed-token-0123456789");

    private static ComposeStack topology() throws IOException {
        return ComposeStack.read(ROOT.resolve("deploy/compose/topology.yaml"), SECRETS);
    }

    /** The engine's configuration as this service of the stack would start with it (the image's ENV first). */
    private static EngineConfig configOf(ComposeStack stack, String service) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SEAMLESS_DATA_DIR",
                "/var/lib/seamless",
                "SEAMLESS_HTTP_HOST",
                "0.0.0.0",
                "SEAMLESS_HTTP_PORT",
                "8080"));
        env.putAll(stack.environment(service));
        return new ConfigLoader(env).load(null);
    }

    @Test
    void theTopologyStackHasTheBrokerTheRegistryTwoLaneEnginesPrometheusAndTheSimulator() throws IOException {
        ComposeStack stack = topology();
        assertEquals(
                Set.of("kafka", "registry", "lane-lmc", "lane-sbc", "prometheus", "simulator"),
                stack.services().keySet());
        assertEquals("seamless-kafka:latest", stack.service("kafka").get("image"));
        assertEquals(
                "seamless-lane-simulator:latest", stack.service("simulator").get("image"));
        for (String engine : List.of("registry", "lane-lmc", "lane-sbc")) {
            assertEquals("seamless-engine:latest", stack.service(engine).get("image"), engine);
        }
        for (String service : stack.services().keySet()) {
            Object dependsOn = stack.service(service).get("depends_on");
            Iterable<?> names =
                    dependsOn instanceof Map<?, ?> m ? m.keySet() : dependsOn == null ? List.of() : (List<?>) dependsOn;
            for (Object name : names) {
                assertTrue(stack.services().containsKey(String.valueOf(name)), service + " depends on unknown " + name);
            }
        }
    }

    @Test
    void eachEngineStartsWithTheRoleTheStackGivesItAndTheNamesItUsesAreServicesOfTheStack() throws IOException {
        ComposeStack stack = topology();
        EngineConfig registry = configOf(stack, "registry");
        assertEquals(EngineRole.REGISTRY, registry.topology().role());
        Set<String> controlPoints = new HashSet<>();
        for (String lane : List.of("lane-lmc", "lane-sbc")) {
            EngineConfig config = configOf(stack, lane);
            assertEquals(EngineRole.LANE, config.topology().role(), lane);
            assertEquals(
                    List.of(config.topology().controlPoint()),
                    config.controlPoints().stream().map(ControlPoint::code).toList(),
                    "serves its own control point only");
            assertTrue(controlPoints.add(config.topology().controlPoint()), "one lane engine per control point");
            URI registryUrl = config.topology().registryUrl();
            assertEquals("registry", registryUrl.getHost(), lane + " fetches the snapshot from the registry service");
            assertEquals(8080, registryUrl.getPort());
            assertEquals(registry.topology().feedToken(), config.topology().feedToken(), "the same feed token");
        }
        assertEquals(Set.of("LMC", "SBC"), controlPoints);
        for (String engine : List.of("registry", "lane-lmc", "lane-sbc")) {
            assertEquals("kafka:9092", configOf(stack, engine).topology().kafkaBootstrap(), engine);
        }
        assertEquals(
                "kafka",
                stack.environment("kafka").get("KAFKA_ADVERTISED_HOST"),
                "the broker tells clients the name they reach it by");
        // The simulator drives each lane engine at its control point, and sets up at the registry.
        List<String> simulator = stack.list("simulator", "command").stream()
                .map(stack::interpolate)
                .toList();
        assertTrue(simulator.contains("--registry=http://registry:8080"), simulator.toString());
        for (String lane : List.of("lane-lmc", "lane-sbc")) {
            String cp = stack.environment(lane).get("SEAMLESS_CONTROL_POINT");
            assertTrue(
                    simulator.contains(
                            "--lane-engine=" + cp + "=http://" + lane + ":8080," + SECRETS.get("SEAMLESS_ADMIN_TOKEN")),
                    "the simulator drives " + cp + " at " + lane + ": " + simulator);
        }
    }

    @Test
    void secretsComeFromVariablesOnlyAndTheirFileIsGitIgnored() throws IOException {
        ComposeStack stack = topology();
        for (String engine : List.of("registry", "lane-lmc", "lane-sbc")) {
            for (String secret : SECRETS.keySet()) {
                String raw = stack.rawEnvironment(engine, secret);
                assertNotNull(raw, engine + " " + secret);
                assertTrue(
                        raw.startsWith("${" + secret + ":?"),
                        engine + " " + secret + " must be a required variable: " + raw);
            }
        }
        ComposeStack without = ComposeStack.read(ROOT.resolve("deploy/compose/topology.yaml"), Map.of());
        AssertionError refused = assertThrows(AssertionError.class, () -> without.environment("registry"));
        assertTrue(refused.getMessage().contains("make-secrets.sh"), refused.getMessage());
        String ignored = Files.readString(ROOT.resolve(".gitignore"));
        assertTrue(
                ignored.lines().anyMatch("deploy/compose/topology.env"::equals),
                "make-secrets.sh's file is git-ignored");
        assertTrue(
                Files.readString(ROOT.resolve("deploy/compose/make-secrets.sh")).contains("topology.env"));
    }

    @Test
    void eachEngineAndTheBrokerHaveAVolumeOfTheirOwn() throws IOException {
        ComposeStack stack = topology();
        Map<String, String> volumeOf = new HashMap<>();
        for (String service : List.of("kafka", "registry", "lane-lmc", "lane-sbc")) {
            String dataDir = service.equals("kafka") ? "/var/lib/kafka" : "/var/lib/seamless";
            String volume = stack.list(service, "volumes").stream()
                    .filter(v -> v.endsWith(":" + dataDir))
                    .map(v -> v.substring(0, v.indexOf(':')))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no volume at " + dataDir));
            assertTrue(stack.volumes().containsKey(volume), volume + " is a named volume of the stack");
            String other = volumeOf.put(volume, service);
            assertEquals(null, other, volume + " shared by " + service + " and " + other);
        }
    }

    @Test
    void prometheusScrapesEveryEngine() throws IOException {
        String topology = Files.readString(ROOT.resolve("deploy/compose/prometheus-topology.yml"));
        for (String engine : List.of("registry", "lane-lmc", "lane-sbc")) {
            assertTrue(topology.contains("\"" + engine + ":8080\""), "prometheus-topology.yml scrapes " + engine);
        }
        assertTrue(topology()
                .list("prometheus", "volumes")
                .contains("./prometheus-topology.yml:/etc/prometheus/prometheus.yml:ro"));
        assertTrue(
                Files.readString(ROOT.resolve("deploy/compose/prometheus.yml")).contains("\"engine:8080\""));
    }

    @Test
    void theStandaloneStackStaysStandalone() throws IOException {
        ComposeStack stack = ComposeStack.read(ROOT.resolve("deploy/compose/compose.yaml"), SECRETS);
        assertEquals(EngineRole.STANDALONE, configOf(stack, "engine").topology().role());
        assertEquals(6, configOf(stack, "engine").controlPoints().size(), "one engine serves every control point");
    }
}
