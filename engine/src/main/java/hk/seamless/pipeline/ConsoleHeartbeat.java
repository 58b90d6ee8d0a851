package hk.seamless.pipeline;

import hk.seamless.gate.LaneHub;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * "Still here", said to every console at a steady interval. A quiet lane and a dead connection
 * look the same to a page; a connection can die without closing (a tablet roaming between access
 * points, a proxy dropping idle sockets), and a board that looks live when it is not would leave a
 * truck waiting. Hearing nothing for a few intervals, the console knows to reconnect and says so.
 */
public final class ConsoleHeartbeat {

    /** Often enough that a dead feed is noticed in half a minute; rare enough to cost nothing. */
    public static final long INTERVAL_MILLIS = 10_000;

    private ConsoleHeartbeat() {}

    public static long start(Vertx vertx, LaneHub hub, Clock clock) {
        return vertx.setPeriodic(INTERVAL_MILLIS, id -> hub.toConsoles(DecisionMessages.heartbeat(clock.instant())));
    }
}
