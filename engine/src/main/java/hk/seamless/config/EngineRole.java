package hk.seamless.config;

import java.util.Locale;

/**
 * What one engine process is, among the processes of one deployment (see the README's topology).
 */
public enum EngineRole {
    /** Everything in one process, no Kafka: the registry and every lane of every control point. */
    STANDALONE,
    /** The Trade API, portal, admin desk, IVRS and risk settings; publishes the lane feed to Kafka. */
    REGISTRY,
    /** One control point's lanes, fed over Kafka; decides on its own when cut off. */
    LANE;

    /** The setting's spelling: {@code standalone}, {@code registry} or {@code lane}. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EngineRole parse(String value) {
        for (EngineRole role : values()) {
            if (role.settingValue().equals(value.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("one of standalone, registry, lane");
    }
}
