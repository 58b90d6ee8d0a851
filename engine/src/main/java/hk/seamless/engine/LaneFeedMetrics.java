package hk.seamless.engine;

import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.registryfeed.LaneFeed;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges of the lane feed: how far the feed has numbered, how far the lane view has applied (the
 * two are equal when the view is current), and whether the view is stale (every truck inspected).
 */
final class LaneFeedMetrics {

    private LaneFeedMetrics() {}

    static void bind(MeterRegistry registry, LaneFeed feed, LaneFeedConsumer consumer) {
        Gauge.builder("seamless_lane_feed_sequence", feed, LaneFeed::sequence)
                .description("the last lane feed entry issued")
                .register(registry);
        Gauge.builder("seamless_lane_feed_applied", consumer, LaneFeedConsumer::applied)
                .description("the last lane feed entry the lane view applied")
                .register(registry);
        Gauge.builder("seamless_lane_view_stale", consumer, c -> c.isStale() ? 1 : 0)
                .description("1 while the lane view is stale: no bundle is trusted, every truck is inspected")
                .register(registry);
    }
}
