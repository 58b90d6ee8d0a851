package hk.seamless.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roles' settings: what each role needs, and every wrong combination refused naming the setting. */
class TopologySettingTest {

    private static final String TOKEN = "a-feed-token-of-enough-length-123";

    private static EngineConfig load(String... env) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < env.length; i += 2) {
            vars.put(env[i], env[i + 1]);
        }
        return new ConfigLoader(vars).load(null);
    }

    private static void refused(String naming, String... env) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(env));
        assertTrue(e.getMessage().contains(naming), "the refusal names " + naming + ": " + e.getMessage());
    }

    @Test
    void standaloneIsTheDefaultAndServesEveryControlPoint() {
        EngineConfig config = load();
        assertEquals(EngineRole.STANDALONE, config.topology().role());
        assertEquals(6, config.controlPoints().size());
    }

    @Test
    void aStandaloneEngineIsGivenNoKafkaAndNoControlPoint() {
        refused("SEAMLESS_KAFKA_BOOTSTRAP", "SEAMLESS_KAFKA_BOOTSTRAP", "kafka:9092");
        refused("SEAMLESS_CONTROL_POINT", "SEAMLESS_CONTROL_POINT", "LMC");
        refused("SEAMLESS_REGISTRY_URL", "SEAMLESS_REGISTRY_URL", "http://registry:8080");
    }

    @Test
    void aStandaloneEngineIsGivenNoSettingOfTheOtherRoles() {
        refused("SEAMLESS_FEED_TOKEN", "SEAMLESS_FEED_TOKEN", TOKEN);
        refused("SEAMLESS_KAFKA_FEED_TOPIC", "SEAMLESS_KAFKA_FEED_TOPIC", "feed");
        refused("SEAMLESS_KAFKA_LANE_REPORTS_TOPIC", "SEAMLESS_KAFKA_LANE_REPORTS_TOPIC", "reports");
        // Even at its default value: the operator meant something by it that a standalone engine does not do.
        refused("SEAMLESS_FEED_BEHIND_AFTER", "SEAMLESS_FEED_BEHIND_AFTER", "PT10S");
        assertEquals(
                EngineRole.STANDALONE,
                load("SEAMLESS_FEED_TOKEN", " ").topology().role(),
                "blank is not set");
    }

    @Test
    void aStandaloneEngineIsGivenNoRoleSettingInItsFileEither(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("engine.json");
        Files.writeString(file, "{\"feedToken\": \"" + TOKEN + "\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file));
        assertTrue(e.getMessage().contains("feedToken (SEAMLESS_FEED_TOKEN)"), e.getMessage());
        assertTrue(!e.getMessage().contains(TOKEN), "the secret is not printed: " + e.getMessage());
    }

    @Test
    void aRegistryIsGivenNoLaneEngineSetting() {
        refused(
                "SEAMLESS_FEED_BEHIND_AFTER",
                "SEAMLESS_ROLE",
                "registry",
                "SEAMLESS_KAFKA_BOOTSTRAP",
                "kafka:9092",
                "SEAMLESS_FEED_TOKEN",
                TOKEN,
                "SEAMLESS_FEED_BEHIND_AFTER",
                "PT30S");
    }

    @Test
    void kafkaBootstrapServersMustBeHostAndPort() {
        for (String bad : new String[] {"garbage:::", "kafka", "kafka:port", "kafka:99999", "kafka:9092,", ":9092"}) {
            refused(
                    "SEAMLESS_KAFKA_BOOTSTRAP",
                    "SEAMLESS_ROLE",
                    "registry",
                    "SEAMLESS_FEED_TOKEN",
                    TOKEN,
                    "SEAMLESS_KAFKA_BOOTSTRAP",
                    bad);
        }
        EngineConfig config = load(
                "SEAMLESS_ROLE",
                "registry",
                "SEAMLESS_FEED_TOKEN",
                TOKEN,
                "SEAMLESS_KAFKA_BOOTSTRAP",
                "kafka-1:9092, 10.0.0.7:9093,[::1]:9094");
        assertEquals("kafka-1:9092, 10.0.0.7:9093,[::1]:9094", config.topology().kafkaBootstrap());
    }

    @Test
    void anUnknownRoleIsRefused() {
        refused("SEAMLESS_ROLE", "SEAMLESS_ROLE", "centre");
    }

    @Test
    void aRegistryNeedsKafkaAndTheFeedTokenAndNoControlPoint() {
        refused("SEAMLESS_KAFKA_BOOTSTRAP", "SEAMLESS_ROLE", "registry", "SEAMLESS_FEED_TOKEN", TOKEN);
        refused("SEAMLESS_FEED_TOKEN", "SEAMLESS_ROLE", "registry", "SEAMLESS_KAFKA_BOOTSTRAP", "kafka:9092");
        refused(
                "SEAMLESS_CONTROL_POINT",
                "SEAMLESS_ROLE",
                "registry",
                "SEAMLESS_KAFKA_BOOTSTRAP",
                "kafka:9092",
                "SEAMLESS_FEED_TOKEN",
                TOKEN,
                "SEAMLESS_CONTROL_POINT",
                "LMC");
        refused(
                "SEAMLESS_FEED_TOKEN",
                "SEAMLESS_ROLE",
                "registry",
                "SEAMLESS_KAFKA_BOOTSTRAP",
                "kafka:9092",
                "SEAMLESS_FEED_TOKEN",
                "short");
        EngineConfig registry = load(
                "SEAMLESS_ROLE", "registry", "SEAMLESS_KAFKA_BOOTSTRAP", "kafka:9092", "SEAMLESS_FEED_TOKEN", TOKEN);
        assertEquals(EngineRole.REGISTRY, registry.topology().role());
        assertEquals(6, registry.controlPoints().size(), "the registry's settings keep every control point");
        assertTrue(!registry.toString().contains(TOKEN), "the feed token never printed: " + registry);
    }

    @Test
    void aLaneEngineNeedsItsControlPointAKnownOneAndTheRegistrysUrl() {
        String[] base = {"SEAMLESS_ROLE", "lane", "SEAMLESS_KAFKA_BOOTSTRAP", "kafka:9092", "SEAMLESS_FEED_TOKEN", TOKEN
        };
        refused("SEAMLESS_CONTROL_POINT", with(base, "SEAMLESS_REGISTRY_URL", "http://registry:8080"));
        refused(
                "SEAMLESS_CONTROL_POINT",
                with(base, "SEAMLESS_REGISTRY_URL", "http://registry:8080", "SEAMLESS_CONTROL_POINT", "XYZ"));
        refused("SEAMLESS_REGISTRY_URL", with(base, "SEAMLESS_CONTROL_POINT", "LMC"));
        refused(
                "SEAMLESS_REGISTRY_URL",
                with(base, "SEAMLESS_CONTROL_POINT", "LMC", "SEAMLESS_REGISTRY_URL", "registry:8080"));
        EngineConfig lane =
                load(with(base, "SEAMLESS_CONTROL_POINT", "SBC", "SEAMLESS_REGISTRY_URL", "http://registry:8080/"));
        assertEquals(
                List.of("SBC"),
                lane.controlPoints().stream().map(ControlPoint::code).toList(),
                "a lane engine serves its own control point's lanes only");
        assertEquals(URI.create("http://registry:8080"), lane.topology().registryUrl());
    }

    @Test
    void theFeedAndTheReportsAreTwoTopics() {
        refused(
                "SEAMLESS_KAFKA_LANE_REPORTS_TOPIC",
                "SEAMLESS_ROLE",
                "registry",
                "SEAMLESS_KAFKA_BOOTSTRAP",
                "kafka:9092",
                "SEAMLESS_FEED_TOKEN",
                TOKEN,
                "SEAMLESS_KAFKA_FEED_TOPIC",
                "t",
                "SEAMLESS_KAFKA_LANE_REPORTS_TOPIC",
                "t");
    }

    @Test
    void theKafkaClientFileIsPassedOnButMayNotTakeTheEnginesOwnSettings(@TempDir Path dir) throws IOException {
        Path security = dir.resolve("kafka-client.properties");
        Files.writeString(security, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        EngineConfig config = load(
                "SEAMLESS_ROLE",
                "registry",
                "SEAMLESS_KAFKA_BOOTSTRAP",
                "kafka:9092",
                "SEAMLESS_FEED_TOKEN",
                TOKEN,
                "SEAMLESS_KAFKA_CLIENT_CONFIG",
                security.toString());
        assertEquals("SASL_SSL", config.topology().kafkaClient().get("security.protocol"));
        assertTrue(!config.topology().toString().contains("SCRAM"), "the client settings' values are not printed");

        Files.writeString(security, "bootstrap.servers=elsewhere:9092\n");
        refused(
                "SEAMLESS_KAFKA_CLIENT_CONFIG",
                "SEAMLESS_ROLE",
                "registry",
                "SEAMLESS_KAFKA_BOOTSTRAP",
                "kafka:9092",
                "SEAMLESS_FEED_TOKEN",
                TOKEN,
                "SEAMLESS_KAFKA_CLIENT_CONFIG",
                security.toString());
        refused(
                "SEAMLESS_KAFKA_CLIENT_CONFIG",
                "SEAMLESS_ROLE",
                "registry",
                "SEAMLESS_KAFKA_BOOTSTRAP",
                "kafka:9092",
                "SEAMLESS_FEED_TOKEN",
                TOKEN,
                "SEAMLESS_KAFKA_CLIENT_CONFIG",
                dir.resolve("missing").toString());
    }

    private static String[] with(String[] base, String... more) {
        String[] out = new String[base.length + more.length];
        System.arraycopy(base, 0, out, 0, base.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }
}
