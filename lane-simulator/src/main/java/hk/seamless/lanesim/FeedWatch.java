package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Reads the registry's {@code /health} ({@code feed.issued}) and each lane engine's
 * ({@code feed.applied}) every {@link #PERIOD_MILLIS} on one thread, into a {@link FeedTimeline}:
 * the oracle's evidence of what each lane engine could know. A reading that fails (an engine busy,
 * or cut off) is simply missing: fewer readings only make the oracle accept more.
 */
final class FeedWatch implements AutoCloseable {

    static final long PERIOD_MILLIS = 100;

    private final EngineClient registry;
    private final Map<String, EngineClient> laneEngines;
    private final FeedTimeline timeline;
    private final Thread thread;
    private volatile boolean running = true;

    FeedWatch(EngineClient registry, Map<String, EngineClient> laneEngines, FeedTimeline timeline) {
        this.registry = registry;
        this.laneEngines = Map.copyOf(laneEngines);
        this.timeline = timeline;
        this.thread = new Thread(this::loop, "feed-watch");
        this.thread.setDaemon(true);
    }

    FeedWatch start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            readOnce();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One reading of every engine. */
    void readOnce() {
        long t0 = System.nanoTime();
        Long issued = feedNumber(registry, "issued");
        if (issued != null) {
            timeline.issued(t0, System.nanoTime(), issued);
        }
        laneEngines.forEach((cp, engine) -> {
            long t1 = System.nanoTime();
            Long applied = feedNumber(engine, "applied");
            if (applied != null) {
                timeline.applied(cp, t1, System.nanoTime(), applied);
            }
        });
    }

    static Long feedNumber(EngineClient engine, String field) {
        try {
            EngineClient.Answer a = engine.get("/health", null);
            if (a.status() != 200) {
                return null;
            }
            return a.json().getValue("feed") instanceof JsonObject feed && feed.getValue(field) instanceof Number n
                    ? n.longValue()
                    : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
