package hk.seamless.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The checks of a {@link Topology} across settings: each alone may be well formed while the
 * combination is not (a lane engine without its control point, a standalone engine given Kafka).
 * Every refusal names the settings involved, as the operator would set them.
 */
final class TopologySetting {

    private TopologySetting() {}

    /** A setting only some roles read; given to another, it would be silently ignored. */
    record RoleOnly(String key, String env, Set<EngineRole> roles, Function<Topology, Object> value) {

        /** Set in a topology made in code (tests): other than a standalone engine's default. */
        boolean setIn(Topology t) {
            return !Objects.equals(value.apply(t), value.apply(Topology.standalone()));
        }
    }

    /**
     * Every setting of the roles, with the roles that read it. An operator who sets one on an engine
     * whose role ignores it has misunderstood something (a lane engine's env file given to the
     * standalone engine, a feed token thought to secure a standalone engine): refused, not ignored.
     */
    private static final Set<EngineRole> BOTH = EnumSet.of(EngineRole.REGISTRY, EngineRole.LANE);

    private static final Set<EngineRole> LANE = EnumSet.of(EngineRole.LANE);

    static final List<RoleOnly> ROLE_ONLY = List.of(
            new RoleOnly("kafkaBootstrap", "SEAMLESS_KAFKA_BOOTSTRAP", BOTH, Topology::kafkaBootstrap),
            new RoleOnly("controlPoint", "SEAMLESS_CONTROL_POINT", LANE, Topology::controlPoint),
            new RoleOnly("registryUrl", "SEAMLESS_REGISTRY_URL", LANE, Topology::registryUrl),
            new RoleOnly("feedToken", "SEAMLESS_FEED_TOKEN", BOTH, Topology::feedToken),
            new RoleOnly("feedTopic", "SEAMLESS_KAFKA_FEED_TOPIC", BOTH, Topology::feedTopic),
            new RoleOnly("laneReportsTopic", "SEAMLESS_KAFKA_LANE_REPORTS_TOPIC", BOTH, Topology::laneReportsTopic),
            new RoleOnly("kafkaClientConfig", "SEAMLESS_KAFKA_CLIENT_CONFIG", BOTH, Topology::kafkaClient),
            // Only a lane engine listens to the registry; the registry has nobody to wait for.
            new RoleOnly("feedBehindAfter", "SEAMLESS_FEED_BEHIND_AFTER", LANE, Topology::feedBehindAfter));

    /** Refuses, naming it, the first setting given (in the file or the environment) that {@code role} does not read. */
    static void refuseUnused(EngineRole role, Predicate<RoleOnly> given) {
        for (RoleOnly setting : ROLE_ONLY) {
            if (!setting.roles().contains(role) && given.test(setting)) {
                String name = setting.key() + " (" + setting.env() + ")";
                String readBy =
                        setting.roles().stream().map(EngineRole::settingValue).collect(Collectors.joining(" or "));
                throw new ConfigException(
                        role == EngineRole.STANDALONE
                                ? name + " is set but role (SEAMLESS_ROLE) is standalone, which uses no Kafka and"
                                        + " serves every control point: set SEAMLESS_ROLE to " + readBy
                                        + ", or leave it out"
                                : name + " is for role " + readBy + "; role (SEAMLESS_ROLE) " + role.settingValue()
                                        + " does not read it: leave it out");
            }
        }
    }

    /** What each role needs; what it must not be given was refused before, by {@link #refuseUnused}. */
    static Topology check(Topology t, List<ControlPoint> controlPoints) {
        if (t.role() == EngineRole.STANDALONE) {
            return t;
        }
        String role = "role (SEAMLESS_ROLE) " + t.role().settingValue();
        if (t.kafkaBootstrap() == null) {
            throw new ConfigException(role + " needs kafkaBootstrap (SEAMLESS_KAFKA_BOOTSTRAP), the Kafka servers"
                    + " (host:port, comma-separated) between the registry and the lane engines");
        }
        if (t.feedToken() == null) {
            throw new ConfigException(role + " needs feedToken (SEAMLESS_FEED_TOKEN), the secret lane engines fetch"
                    + " the registry's snapshot with: the same value on the registry and every lane engine");
        }
        if (t.feedTopic().equals(t.laneReportsTopic())) {
            throw new ConfigException("feedTopic (SEAMLESS_KAFKA_FEED_TOPIC) and laneReportsTopic"
                    + " (SEAMLESS_KAFKA_LANE_REPORTS_TOPIC) must be two topics, not both '" + t.feedTopic() + "'");
        }
        if (t.role() == EngineRole.REGISTRY) {
            return t;
        }
        if (t.controlPoint() == null) {
            throw new ConfigException(role + " needs controlPoint (SEAMLESS_CONTROL_POINT): the control point whose"
                    + " lanes it serves, one of " + codes(controlPoints));
        }
        if (controlPoints.stream().noneMatch(cp -> cp.code().equals(t.controlPoint()))) {
            throw new ConfigException("controlPoint (SEAMLESS_CONTROL_POINT) '" + t.controlPoint()
                    + "' is not a configured control point: one of " + codes(controlPoints));
        }
        if (t.registryUrl() == null) {
            throw new ConfigException(role + " needs registryUrl (SEAMLESS_REGISTRY_URL), e.g. http://registry:8080:"
                    + " a lane engine rebuilding its views fetches the registry's snapshot there");
        }
        return t;
    }

    /** The control points this engine serves lanes of: a lane engine its own, the others all. */
    static List<ControlPoint> served(List<ControlPoint> controlPoints, Topology t) {
        if (t.role() != EngineRole.LANE) {
            return controlPoints;
        }
        return controlPoints.stream()
                .filter(cp -> cp.code().equals(t.controlPoint()))
                .toList();
    }

    static URI registryUrl(String s) {
        URI uri = URI.create(s.replaceAll("/+$", ""));
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "an absolute http or https URL with a host, such as http://registry:8080");
        }
        return uri;
    }

    /**
     * The Kafka client settings file: Java properties passed to every producer, consumer and admin
     * client as they are. The engine's own settings may not be overridden there.
     */
    static Map<String, String> kafkaClient(String file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file))) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
        for (String owned : List.of(
                "bootstrap.servers",
                "group.id",
                "group.instance.id",
                "enable.auto.commit",
                "key.serializer",
                "value.serializer",
                "key.deserializer",
                "value.deserializer",
                "acks",
                "enable.idempotence")) {
            if (out.containsKey(owned)) {
                throw new IllegalArgumentException(owned + " is the engine's to set, not the file's"
                        + (owned.equals("bootstrap.servers") ? " (use SEAMLESS_KAFKA_BOOTSTRAP)" : ""));
            }
        }
        return out;
    }

    private static String codes(List<ControlPoint> controlPoints) {
        return String.join(", ", controlPoints.stream().map(ControlPoint::code).toList());
    }
}
