package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What the run exercised of the clearance rules: per scenario, arrivals sent, decided and wrong;
 * per reason code, the measured decisions that carried it (its share: of all measured decisions);
 * and the late frames sent after a decision and how the engine answered them.
 */
final class RuleTally {

    /** Counts of one scenario. */
    static final class PerScenario {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong decided = new AtomicLong();
        final AtomicLong wrong = new AtomicLong();
    }

    private final Map<Scenario, PerScenario> scenarios = new EnumMap<>(Scenario.class);
    private final Map<String, Long> reasons = new TreeMap<>();
    private final AtomicLong measuredDecisions = new AtomicLong();
    final AtomicLong repeatsSent = new AtomicLong();
    /** Late frames answered as repeats of the decided arrival (202, repeat). */
    final AtomicLong repeatsConfirmed = new AtomicLong();
    /** Late frames with no answer on the stream within the wait, and no decision either. */
    final AtomicLong repeatsUnanswered = new AtomicLong();
    /** Gate drops played (disconnect, arrivals, reconnect). */
    final AtomicLong gateDrops = new AtomicLong();

    RuleTally() {
        for (Scenario s : Scenario.values()) {
            scenarios.put(s, new PerScenario());
        }
    }

    PerScenario of(Scenario s) {
        return scenarios.get(s);
    }

    /** A measured decision: each of its reasons counts once. */
    void decided(Decision d) {
        measuredDecisions.incrementAndGet();
        synchronized (reasons) {
            d.reasons().forEach(r -> reasons.merge(r, 1L, Long::sum));
        }
    }

    Map<String, Long> reasons() {
        synchronized (reasons) {
            return new TreeMap<>(reasons);
        }
    }

    long measuredDecisions() {
        return measuredDecisions.get();
    }

    double share(long count) {
        long all = measuredDecisions.get();
        return all == 0 ? 0 : 100.0 * count / all;
    }

    JsonObject reasonsJson() {
        JsonObject json = new JsonObject();
        reasons()
                .forEach((reason, count) -> json.put(
                        reason, new JsonObject().put("count", count).put("percent", Decimals.of(share(count), 2))));
        return json;
    }

    JsonObject scenariosJson() {
        JsonObject json = new JsonObject();
        scenarios.forEach((scenario, counts) -> {
            if (counts.sent.get() > 0) {
                json.put(
                        scenario.label(),
                        new JsonObject()
                                .put("sent", counts.sent.get())
                                .put("decided", counts.decided.get())
                                .put("wrong", counts.wrong.get()));
            }
        });
        return json;
    }

    JsonObject repeatsJson() {
        return new JsonObject()
                .put("sent", repeatsSent.get())
                .put("answeredAsRepeat", repeatsConfirmed.get())
                .put("unansweredNoDecision", repeatsUnanswered.get());
    }

    /** "NO_BUNDLE 5.01%, ..." */
    String reasonsLine() {
        return reasons().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + " ("
                        + String.format(Locale.ROOT, "%.2f%%", share(e.getValue())) + ")")
                .collect(Collectors.joining(", "));
    }

    String scenariosLine() {
        return scenarios.entrySet().stream()
                .filter(e -> e.getValue().sent.get() > 0)
                .map(e -> e.getKey().label() + " " + e.getValue().decided.get() + "/"
                        + e.getValue().sent.get()
                        + (e.getValue().wrong.get() > 0
                                ? " (" + e.getValue().wrong.get() + " wrong)"
                                : ""))
                .collect(Collectors.joining(", "));
    }

    Map<Scenario, PerScenario> scenarios() {
        return scenarios;
    }
}
