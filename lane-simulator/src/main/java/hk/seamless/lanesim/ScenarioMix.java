package hk.seamless.lanesim;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** The --mix: relative weights of the scenarios, e.g. "ontime=70,early=5,...". */
final class ScenarioMix {

    static final String DEFAULT =
            "ontime=54,early=5,unbundled=5,empty=5,misread=5,notag=4,mismatch=2,lowconf=2,watchlisted=2,watchlifted=1,targeted=1,"
                    + "multiframe=3,repeat=3,twin=2,lowcand=2,suspended=2,gatedrop=2";

    private final EnumMap<Scenario, Integer> weights;
    private final int total;

    ScenarioMix(Map<Scenario, Integer> weights) {
        this.weights = new EnumMap<>(Scenario.class);
        weights.forEach((s, w) -> {
            if (w < 0) {
                throw new IllegalArgumentException("--mix weight of " + s.label() + " is negative");
            }
            if (w > 0) {
                this.weights.put(s, w);
            }
        });
        this.total = this.weights.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            throw new IllegalArgumentException("--mix has no scenario with a positive weight");
        }
    }

    static ScenarioMix parse(String text) {
        Map<Scenario, Integer> weights = new EnumMap<>(Scenario.class);
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("--mix wants name=weight pairs separated by commas, not " + part);
            }
            Scenario s = Scenario.of(kv[0]);
            int w;
            try {
                w = Integer.parseInt(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--mix weight of " + kv[0] + " is not a whole number: " + kv[1]);
            }
            if (weights.put(s, w) != null) {
                throw new IllegalArgumentException("--mix names " + s.label() + " twice");
            }
        }
        return new ScenarioMix(weights);
    }

    /** The same mix with one scenario's weight moved to another (e.g. EARLY to ONTIME when there is no lead time). */
    ScenarioMix moving(Scenario from, Scenario to) {
        if (!weights.containsKey(from)) {
            return this;
        }
        Map<Scenario, Integer> moved = new EnumMap<>(weights);
        int w = moved.remove(from);
        moved.merge(to, w, Integer::sum);
        return new ScenarioMix(moved);
    }

    Scenario draw(SplittableRandom random) {
        int r = random.nextInt(total);
        for (Map.Entry<Scenario, Integer> e : weights.entrySet()) {
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        throw new AssertionError();
    }

    double share(Scenario s) {
        return weights.getOrDefault(s, 0) / (double) total;
    }

    boolean has(Scenario s) {
        return weights.containsKey(s);
    }

    @Override
    public String toString() {
        return weights.entrySet().stream()
                .map(e -> e.getKey().label() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
