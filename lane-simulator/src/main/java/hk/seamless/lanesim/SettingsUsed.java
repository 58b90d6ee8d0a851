package hk.seamless.lanesim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings a run used, as its report lists them (the "settings" of report.json, in this
 * order): what was asked on the command line and what the engine said of itself, so that a report
 * read later says what it measured. Scripts and the engine's tests read these names.
 */
final class SettingsUsed {

    private SettingsUsed() {}

    static Map<String, String> of(
            EngineClient engine,
            SimTopology topology,
            Outage cut,
            TrafficOptions traffic,
            RunPlan plan,
            Set<String> kinds,
            Path deviceConfig) {
        EngineSettings settings = plan.settings();
        List<LaneInfo> chosen = plan.lanes();
        Map<String, String> used = new LinkedHashMap<>();
        used.put("target", topology == null ? engine.base().toString() : topology.text());
        if (cut != null) {
            used.put("outage", cut.text());
        }
        used.put("rate", String.format(Locale.ROOT, "%s", traffic.rate));
        used.put("duration", traffic.duration.toString());
        used.put("warmup", traffic.warmup.toString());
        used.put("lanes", String.join(",", chosen.stream().map(LaneInfo::id).toList()));
        used.put("plateOnlyLanes", String.join(",", plan.plateOnlyLaneIds()));
        used.put("transport", traffic.transport);
        used.put("mix", plan.scenarios().toString());
        used.put("seed", Long.toString(traffic.seed));
        used.put("vehicles", Integer.toString(traffic.vehicles));
        used.put("bundlingLead", settings.bundlingLead().toString());
        used.put("fusionWindow", settings.fusionWindow().toString());
        used.put("randomRates", settings.randomRates().toString());
        used.put("presenceWindow", settings.presenceWindow().toString());
        used.put("plateConfidenceThreshold", Integer.toString(settings.confidenceThreshold()));
        used.put("gateDropLane", plan.gateDropLane());
        used.put(
                "devices",
                kinds.isEmpty()
                        ? "none"
                        : String.join(",", kinds.stream().sorted().toList()));
        if (deviceConfig != null) {
            used.put("deviceConfig", deviceConfig.toString());
        }
        return used;
    }
}
