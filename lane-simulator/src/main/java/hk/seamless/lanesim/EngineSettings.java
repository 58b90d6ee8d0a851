package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule settings in force, as GET /api/v1/settings answers them: what the oracle needs (lead
 * time, fusion window, random-selection rates, plate confidence threshold, presence window) and
 * the lanes to drive. An engine that does not tell its presence window has the rules' default.
 */
record EngineSettings(
        Duration bundlingLead,
        Duration fusionWindow,
        List<LaneInfo> lanes,
        Map<String, Double> randomRates,
        int confidenceThreshold,
        Duration presenceWindow) {

    static final Duration DEFAULT_PRESENCE_WINDOW = Duration.ofSeconds(10);
    static final int DEFAULT_CONFIDENCE_THRESHOLD = 80;

    EngineSettings(
            Duration bundlingLead, Duration fusionWindow, List<LaneInfo> lanes, Map<String, Double> randomRates) {
        this(bundlingLead, fusionWindow, lanes, randomRates, DEFAULT_CONFIDENCE_THRESHOLD, DEFAULT_PRESENCE_WINDOW);
    }

    static EngineSettings parse(String json) {
        JsonObject root = new JsonObject(json);
        List<LaneInfo> lanes = new ArrayList<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Object cpValue : root.getJsonArray("controlPoints")) {
            JsonObject cp = (JsonObject) cpValue;
            String code = cp.getString("code");
            if (!(cp.getValue("randomInspectionRate") instanceof Number rate)) {
                throw new IllegalArgumentException("no number randomInspectionRate in " + cp.fieldNames());
            }
            rates.put(code, rate.doubleValue());
            for (Object laneValue : cp.getJsonArray("lanes")) {
                JsonObject lane = (JsonObject) laneValue;
                lanes.add(new LaneInfo(lane.getString("id"), code, lane.getString("direction")));
            }
        }
        int threshold = root.getValue("plateConfidenceThreshold") instanceof Number n
                ? n.intValue()
                : DEFAULT_CONFIDENCE_THRESHOLD;
        Duration presence =
                root.getValue("presenceWindow") instanceof String text ? Duration.parse(text) : DEFAULT_PRESENCE_WINDOW;
        return new EngineSettings(
                Duration.parse(root.getString("bundlingLead")),
                Duration.parse(root.getString("fusionWindow")),
                List.copyOf(lanes),
                rates,
                threshold,
                presence);
    }

    /** The rates a supervisor may have changed since start (GET /api/v1/risk/random-rates), over the configured ones. */
    EngineSettings withRatesInForce(String ratesJson) {
        Map<String, Double> inForce = new LinkedHashMap<>(randomRates);
        new JsonObject(ratesJson)
                .getJsonObject("rates")
                .forEach(e -> inForce.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
        return new EngineSettings(bundlingLead, fusionWindow, lanes, inForce, confidenceThreshold, presenceWindow);
    }

    /** The same settings with the presence window the engine was started with (--presence-window). */
    EngineSettings withPresenceWindow(Duration window) {
        return new EngineSettings(bundlingLead, fusionWindow, lanes, randomRates, confidenceThreshold, window);
    }

    /** The same rules with these lanes (a run over lane engines: the lanes they serve, not the registry's list). */
    EngineSettings withLanes(List<LaneInfo> served) {
        return new EngineSettings(
                bundlingLead, fusionWindow, List.copyOf(served), randomRates, confidenceThreshold, presenceWindow);
    }

    /** The lanes named by --lanes (all when empty), in the engine's order. */
    List<LaneInfo> select(List<String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return lanes;
        }
        List<LaneInfo> chosen = new ArrayList<>();
        for (String id : wanted) {
            LaneInfo lane = lanes.stream()
                    .filter(l -> l.id().equals(id.strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--lanes: the engine has no lane " + id));
            if (chosen.contains(lane)) {
                throw new IllegalArgumentException("--lanes names " + id + " twice");
            }
            chosen.add(lane);
        }
        return chosen;
    }
}
