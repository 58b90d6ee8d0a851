package hk.seamless.lanesim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run has counted so far. Arrivals are sent from the scheduler and, for queued ones, from
 * the gate threads that free their lane; decisions are heard on gate sockets, lane streams and
 * HTTP answers: so every count is an atomic, written without a lock on those paths, and read once
 * a second for the progress line and once more for the {@link RunResult}. Of the wrong decisions
 * and the problems only the first few are kept as text: a run that goes wrong goes wrong thousands
 * of times alike, and the report needs examples, not all of them.
 */
final class RunCounts {

    static final int WRONG_KEPT = 10;
    static final int PROBLEMS_KEPT = 10;

    final AtomicLong sent = new AtomicLong();
    final AtomicLong sentMeasured = new AtomicLong();
    final AtomicLong decided = new AtomicLong();
    final AtomicLong decidedMeasured = new AtomicLong();
    final AtomicLong wrong = new AtomicLong();
    final AtomicLong warmupWrong = new AtomicLong();
    /** Arrivals that could not go out: no vehicle of their kind was free. */
    final AtomicLong starved = new AtomicLong();
    /** Decisions that named no arrival in flight. */
    final AtomicLong unmatched = new AtomicLong();
    /** HOLDs heard at a gate (a HOLD is no decision of an arrival). */
    final AtomicLong holds = new AtomicLong();
    /** Arrivals sent and not yet done: decided, and for a REPEAT its late frame answered. The run drains to 0. */
    final AtomicInteger open = new AtomicInteger();
    /** Measured decisions per outcome (RELEASE, INSPECT, ...). */
    final Map<String, Long> outcomes = new ConcurrentHashMap<>();
    /** The rules the run exercised: per scenario, per reason code, late frames and gate drops. */
    final RuleTally tally = new RuleTally();

    private final List<String> wrongKept = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong problemCount = new AtomicLong();

    void problem(String text) {
        problemCount.incrementAndGet();
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(text);
        }
    }

    /** A wrong decision (or late frame) of an arrival of {@code scenario}; a warm-up one counts apart. */
    void wrong(boolean measured, Scenario scenario, String text) {
        (measured ? wrong : warmupWrong).incrementAndGet();
        tally.of(scenario).wrong.incrementAndGet();
        keepWrong(text);
    }

    void keepWrong(String text) {
        if (wrongKept.size() < WRONG_KEPT) {
            wrongKept.add(text);
        }
    }

    List<String> wrongExamples() {
        return List.copyOf(wrongKept);
    }

    long problemCount() {
        return problemCount.get();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
