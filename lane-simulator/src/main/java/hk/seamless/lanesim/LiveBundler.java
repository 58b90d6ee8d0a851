package hk.seamless.lanesim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Makes bundles at the registry while the run goes on, as truckers do all day, so that the lane
 * engines' knowledge is tested on bundles they have to be told of: the held ONTIME vehicles are
 * bundled evenly over the first {@link #SPREAD} of the run, and each goes to the front of its pool
 * {@code travel} after its bundle was answered (the drive to the border), for the next arrival to
 * take. Outside an outage the lane engine has long heard of it by then and must release it; made
 * during an outage, it is rightly an unknown bundle there.
 */
final class LiveBundler implements AutoCloseable {

    /** Share of the run over which the held bundles are made: the last ones still get to the lanes. */
    static final double SPREAD = 0.8;

    private final EngineSetup setup;
    private final List<EngineSetup.Held> held;
    private final VehiclePools pools;
    private final long travelNanos;
    private final long runNanos;
    private final Consumer<String> problem;
    private final ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-bundles-at-border");
        t.setDaemon(true);
        return t;
    });
    private Thread thread;
    private volatile boolean stopped;
    final AtomicLong made = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    LiveBundler(
            EngineSetup setup,
            List<EngineSetup.Held> held,
            VehiclePools pools,
            Duration travel,
            long runNanos,
            Consumer<String> problem) {
        this.setup = setup;
        this.held = List.copyOf(held);
        this.pools = pools;
        this.travelNanos = travel.toNanos();
        this.runNanos = runNanos;
        this.problem = problem;
    }

    /** Starts making bundles, the first at {@code startNanos} (the run's first arrival). */
    void start(long startNanos) {
        thread = new Thread(() -> loop(startNanos), "live-bundler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(long startNanos) {
        long span = (long) (runNanos * SPREAD);
        for (int i = 0; i < held.size() && !stopped; i++) {
            long due = startNanos + (held.size() <= 1 ? 0 : span * i / (held.size() - 1));
            while (!stopped && System.nanoTime() < due) {
                LockSupport.parkNanos(Math.min(due - System.nanoTime(), 50_000_000L));
            }
            if (stopped) {
                return;
            }
            EngineSetup.Held h = held.get(i);
            try {
                FeedTimeline.BundleMade m = setup.bundleHeld(h);
                made.incrementAndGet();
                long delay = Math.max(0, m.answeredNanos() + travelNanos - System.nanoTime());
                arrivals.schedule(() -> pools.addFirst(h.poolKey(), h.vehicle()), delay, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failed.incrementAndGet();
                problem.accept("bundling " + h.vehicle().display + " during the run: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
        arrivals.shutdownNow();
    }
}
