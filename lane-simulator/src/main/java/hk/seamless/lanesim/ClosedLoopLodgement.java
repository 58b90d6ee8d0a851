package hk.seamless.lanesim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Lodges a list of consignment bodies with a fixed number of requests in flight: each of
 * {@code concurrency} workers sends its next lodgement as soon as the previous one is answered.
 *
 * <p>A closed loop measures throughput honestly but under-reports latency under overload
 * (a slow answer also delays the next request: coordinated omission), so its percentiles are the
 * latency seen at saturation, not at a given offered rate.
 */
final class ClosedLoopLodgement {

    static final String PATH = "/api/v1/consignments";
    static final int PROBLEMS_KEPT = 5;
    private static final int PROBLEM_TEXT_MAX = 600;

    private final EngineClient engine;
    private final String shipperToken;
    private final int concurrency;

    ClosedLoopLodgement(EngineClient engine, String shipperToken, int concurrency) {
        this.engine = engine;
        this.shipperToken = shipperToken;
        this.concurrency = concurrency;
    }

    /** What one phase (warm-up or measured) gave. Latencies are in nanoseconds. */
    record Outcome(long requests, long errors, List<String> problems, long elapsedNanos, Histogram latencyNanos) {

        double throughputPerSecond() {
            return elapsedNanos == 0 ? 0 : requests * 1e9 / elapsedNanos;
        }
    }

    Outcome run(List<String> bodies) throws InterruptedException {
        AtomicInteger nextIndex = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<String> problems = new ArrayList<>();
        List<Worker> workers = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            workers.add(new Worker(bodies, nextIndex, errors, problems));
        }
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(workers.get(i), "lodgement-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        // One histogram per worker while running (no contention), merged once at the end.
        Histogram all = new Histogram(3);
        workers.forEach(w -> all.add(w.latency));
        List<String> kept;
        synchronized (problems) {
            kept = List.copyOf(problems);
        }
        return new Outcome(bodies.size(), errors.get(), kept, elapsed, all);
    }

    private final class Worker implements Runnable {
        private final List<String> bodies;
        private final AtomicInteger nextIndex;
        private final AtomicLong errors;
        private final List<String> problems;
        /** Auto-resizing, 3 significant digits: 0.1% precision at any latency. */
        final Histogram latency = new Histogram(3);

        Worker(List<String> bodies, AtomicInteger nextIndex, AtomicLong errors, List<String> problems) {
            this.bodies = bodies;
            this.nextIndex = nextIndex;
            this.errors = errors;
            this.problems = problems;
        }

        @Override
        public void run() {
            for (int i = nextIndex.getAndIncrement(); i < bodies.size(); i = nextIndex.getAndIncrement()) {
                long start = System.nanoTime();
                String problem;
                try {
                    EngineClient.Answer answer = engine.postJson(PATH, shipperToken, bodies.get(i));
                    problem = answer.status() == 201 ? null : answer.status() + " " + answer.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    problem = "no answer: " + e;
                }
                // Failed requests are timed too: a slow refusal is still time a trader waited.
                latency.recordValue(System.nanoTime() - start);
                if (problem != null) {
                    errors.incrementAndGet();
                    keep(problem);
                }
            }
        }

        private void keep(String problem) {
            synchronized (problems) {
                if (problems.size() < PROBLEMS_KEPT) {
                    problems.add(
                            problem.length() > PROBLEM_TEXT_MAX
                                    ? problem.substring(0, PROBLEM_TEXT_MAX) + "..."
                                    : problem);
                }
            }
        }
    }
}
