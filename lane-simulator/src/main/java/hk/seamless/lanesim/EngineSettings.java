package hk.seamless.lanesim;

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
record EngineSettings(Duration bundlingLead, Duration fusionWindow, List<LaneInfo> lanes, Map<String, Double> randomRates,
                      int confidenceThreshold, Duration presenceWindow) {

    static final Duration DEFAULT_PRESENCE_WINDOW = Duration.ofSeconds(10);
    static final int DEFAULT_CONFIDENCE_THRESHOLD = 80;

    EngineSettings(Duration bundlingLead, Duration fusionWindow, List<LaneInfo> lanes, Map<String, Double> randomRates) {
        this(bundlingLead, fusionWindow, lanes, randomRates, DEFAULT_CONFIDENCE_THRESHOLD, DEFAULT_PRESENCE_WINDOW);
    }

    @SuppressWarnings("unchecked")
    static EngineSettings parse(String json) {
        Map<String, Object> root = MiniJson.object(json);
        List<LaneInfo> lanes = new ArrayList<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Object cpValue : (List<Object>) root.get("controlPoints")) {
            Map<String, Object> cp = (Map<String, Object>) cpValue;
            String code = (String) cp.get("code");
            rates.put(code, MiniJson.number(cp, "randomInspectionRate"));
            for (Object laneValue : (List<Object>) cp.get("lanes")) {
                Map<String, Object> lane = (Map<String, Object>) laneValue;
                lanes.add(new LaneInfo((String) lane.get("id"), code, (String) lane.get("direction")));
            }
        }
        int threshold = root.get("plateConfidenceThreshold") instanceof Number n ? n.intValue() : DEFAULT_CONFIDENCE_THRESHOLD;
        Duration presence = root.get("presenceWindow") instanceof String text ? Duration.parse(text) : DEFAULT_PRESENCE_WINDOW;
        return new EngineSettings(Duration.parse((String) root.get("bundlingLead")),
                Duration.parse((String) root.get("fusionWindow")), List.copyOf(lanes), rates, threshold, presence);
    }

    /** The rates a supervisor may have changed since start (GET /api/v1/risk/random-rates), over the configured ones. */
    @SuppressWarnings("unchecked")
    EngineSettings withRatesInForce(String ratesJson) {
        Map<String, Object> root = MiniJson.object(ratesJson);
        Map<String, Double> inForce = new LinkedHashMap<>(randomRates);
        ((Map<String, Object>) root.get("rates")).forEach((cp, rate) -> inForce.put(cp, ((Number) rate).doubleValue()));
        return new EngineSettings(bundlingLead, fusionWindow, lanes, inForce, confidenceThreshold, presenceWindow);
    }

    /** The same settings with the presence window the engine was started with (--presence-window). */
    EngineSettings withPresenceWindow(Duration window) {
        return new EngineSettings(bundlingLead, fusionWindow, lanes, randomRates, confidenceThreshold, window);
    }

    /** The same rules with these lanes (a run over lane engines: the lanes they serve, not the registry's list). */
    EngineSettings withLanes(List<LaneInfo> served) {
        return new EngineSettings(bundlingLead, fusionWindow, List.copyOf(served), randomRates, confidenceThreshold, presenceWindow);
    }

    /** The lanes named by --lanes (all when empty), in the engine's order. */
    List<LaneInfo> select(List<String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return lanes;
        }
        List<LaneInfo> chosen = new ArrayList<>();
        for (String id : wanted) {
            LaneInfo lane = lanes.stream().filter(l -> l.id().equals(id.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--lanes: the engine has no lane " + id));
            if (chosen.contains(lane)) {
                throw new IllegalArgumentException("--lanes names " + id + " twice");
            }
            chosen.add(lane);
        }
        return chosen;
    }
}
