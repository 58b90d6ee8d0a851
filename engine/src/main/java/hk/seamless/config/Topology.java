package hk.seamless.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where this engine stands among the processes of one deployment: its role, the Kafka cluster
 * between the registry and the lane engines, and the control point a lane engine serves.
 *
 * @param role              standalone (no Kafka), registry or lane
 * @param kafkaBootstrap    the Kafka bootstrap servers; null for standalone
 * @param controlPoint      the control point a lane engine serves (e.g. {@code LMC}); null otherwise
 * @param feedTopic         the registry's lane feed: one partition, so that its sequence is total
 * @param laneReportsTopic  what happened at the lanes (decisions, overrides), keyed by control point
 * @param kafkaClient       passed as they are to every Kafka client (security.protocol, sasl.*, ssl.*)
 * @param registryUrl       where a lane engine fetches the registry's snapshot when it must rebuild
 * @param feedToken         the shared secret the snapshot is fetched with (registry and lane engines)
 * @param feedBehindAfter   a lane engine that has heard nothing from the registry for this long says
 *                          its feed is behind (the registry says "still here" every few seconds)
 */
public record Topology(
        EngineRole role,
        String kafkaBootstrap,
        String controlPoint,
        String feedTopic,
        String laneReportsTopic,
        Map<String, String> kafkaClient,
        URI registryUrl,
        String feedToken,
        Duration feedBehindAfter) {

    public static final String DEFAULT_FEED_TOPIC = "seamless.lane-feed";
    public static final String DEFAULT_LANE_REPORTS_TOPIC = "seamless.lane-reports";

    public Topology {
        kafkaClient = Map.copyOf(kafkaClient);
    }

    public static Topology standalone() {
        return new Topology(
                EngineRole.STANDALONE,
                null,
                null,
                DEFAULT_FEED_TOPIC,
                DEFAULT_LANE_REPORTS_TOPIC,
                Map.of(),
                null,
                null,
                Duration.ofSeconds(10));
    }

    /** A registry publishing to {@code bootstrap} (tests; a real start reads the settings). */
    public static Topology registry(String bootstrap, String feedToken) {
        return new Topology(
                EngineRole.REGISTRY,
                bootstrap,
                null,
                DEFAULT_FEED_TOPIC,
                DEFAULT_LANE_REPORTS_TOPIC,
                Map.of(),
                null,
                feedToken,
                Duration.ofSeconds(10));
    }

    /** A lane engine for {@code controlPoint} (tests; a real start reads the settings). */
    public static Topology lane(String bootstrap, String controlPoint, URI registryUrl, String feedToken) {
        return new Topology(
                EngineRole.LANE,
                bootstrap,
                controlPoint,
                DEFAULT_FEED_TOPIC,
                DEFAULT_LANE_REPORTS_TOPIC,
                Map.of(),
                registryUrl,
                feedToken,
                Duration.ofSeconds(10));
    }

    public Topology withFeedBehindAfter(Duration after) {
        return new Topology(
                role,
                kafkaBootstrap,
                controlPoint,
                feedTopic,
                laneReportsTopic,
                kafkaClient,
                registryUrl,
                feedToken,
                after);
    }

    public boolean standaloneRole() {
        return role == EngineRole.STANDALONE;
    }

    /** Secrets stay out of logs: the token, and the client settings (SASL passwords live there). */
    @Override
    public String toString() {
        return "Topology[role=" + role.settingValue() + ", kafkaBootstrap=" + kafkaBootstrap + ", controlPoint="
                + controlPoint + ", feedTopic=" + feedTopic + ", laneReportsTopic=" + laneReportsTopic
                + ", kafkaClient=" + kafkaClient.keySet() + ", registryUrl=" + registryUrl + ", feedToken="
                + (feedToken == null ? null : "(set)") + ", feedBehindAfter=" + feedBehindAfter + "]";
    }
}
