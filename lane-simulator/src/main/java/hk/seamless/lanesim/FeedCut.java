package hk.seamless.lanesim;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays an {@link Outage} during a run: cuts the feed at its start, restores it at its end, and
 * notes both in the {@link FeedTimeline}. Whatever happens to the run, {@link #close()} restores a
 * feed it cut (a broker left frozen would outlive the simulator), and so does a JVM shutdown hook.
 */
final class FeedCut implements AutoCloseable {

    private final Outage outage;
    private final FeedTimeline timeline;
    private final PrintStream out;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final Thread restoreOnExit;
    private Thread thread;
    private volatile String failure;
    private volatile long startNanos;

    FeedCut(Outage outage, FeedTimeline timeline, PrintStream out) {
        this.outage = outage;
        this.timeline = timeline;
        this.out = out;
        this.restoreOnExit = new Thread(this::restore, "feed-restore-on-exit");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }

    /** Schedules the cut from {@code startNanos}, the run's first arrival. */
    void start(long startNanos) {
        this.startNanos = startNanos;
        thread = new Thread(this::play, "feed-cut");
        thread.setDaemon(true);
        thread.start();
    }

    private void play() {
        waitUntil(startNanos + outage.at().toNanos());
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            timeline.cutStarted(System.nanoTime());
            cut.set(true);
            outage.feedSwitch().cut();
            timeline.cutDone(System.nanoTime());
            out.printf(
                    java.util.Locale.ROOT,
                    "outage: feed cut at t=%.1fs (%s)%n",
                    seconds(System.nanoTime()),
                    outage.feedSwitch().text());
        } catch (Exception e) {
            failure = "cutting the feed failed: " + e.getMessage();
            out.println("outage: " + failure);
            restore();
            return;
        }
        waitUntil(startNanos + outage.at().toNanos() + outage.length().toNanos());
        restore();
    }

    /** Restores the feed if it was cut (once). */
    void restore() {
        if (!cut.getAndSet(false)) {
            return;
        }
        try {
            timeline.restoreStarted(System.nanoTime());
            outage.feedSwitch().restore();
            timeline.restoreDone(System.nanoTime());
            out.printf(java.util.Locale.ROOT, "outage: feed restored at t=%.1fs%n", seconds(System.nanoTime()));
        } catch (Exception e) {
            failure = (failure == null ? "" : failure + "; ") + "restoring the feed failed: " + e.getMessage();
            out.println("outage: " + failure + " -- RESTORE IT BY HAND");
        }
    }

    /** Why the outage did not play as asked, or null. */
    String failure() {
        return failure;
    }

    private double seconds(long nanos) {
        return (nanos - startNanos) / 1e9;
    }

    private static void waitUntil(long due) {
        while (!Thread.currentThread().isInterrupted()) {
            long left = due - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(Math.min(left, 50_000_000L));
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Outage.COMMAND_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException exiting) {
            // the hook runs anyway
        }
    }
}
