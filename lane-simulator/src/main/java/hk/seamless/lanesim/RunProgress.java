package hk.seamless.lanesim;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The run's progress line, printed every second while it runs and once at its end, so that whoever
 * watches a long run sees it move (and scripts that follow the output see the same line as
 * always). It only reads the counts: the senders and the decisions never wait for it.
 */
final class RunProgress {

    private final RunCounts counts;
    private final RunLatencies latencies;
    /** Arrivals that waited for a free lane (over 1 ms), from {@link LaneDispatch}. */
    private final AtomicLong sentLate;
    /** The run's start ({@code System.nanoTime()}), known only once it starts. */
    private final LongSupplier startNanos;

    private final PrintStream out;
    private final String label;
    private Thread ticker;

    RunProgress(
            RunCounts counts,
            RunLatencies latencies,
            AtomicLong sentLate,
            LongSupplier startNanos,
            PrintStream out,
            String label) {
        this.counts = counts;
        this.latencies = latencies;
        this.sentLate = sentLate;
        this.startNanos = startNanos;
        this.out = out;
        this.label = label;
    }

    /** Prints the line every second, on a daemon thread, until {@link #stop}. */
    void start() {
        ticker = new Thread(this::loop, "progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    void stop() {
        ticker.interrupt();
    }

    private void loop() {
        try {
            while (true) {
                Thread.sleep(1000);
                print();
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    void print() {
        String[] p99 = latencies.p99Texts();
        out.printf(
                Locale.ROOT,
                "%-6s t=%5.1fs sent %7d decided %7d in flight %5d wrong %d p99 %s (tag+plate arrivals %s)%s%n",
                label,
                (System.nanoTime() - startNanos.getAsLong()) / 1e9,
                counts.sent.get(),
                counts.decided.get(),
                counts.open.get(),
                counts.wrong.get() + counts.warmupWrong.get(),
                p99[0],
                p99[1],
                (counts.starved.get() > 0 ? " starved " + counts.starved.get() : "")
                        + (sentLate.get() > 0 ? " sent late " + sentLate.get() : ""));
    }
}
