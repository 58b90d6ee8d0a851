package hk.seamless.lanesim;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The REPEAT scenario's second half: a while after the decision (20 to 300 ms, well inside the
 * presence window), while the vehicle is still at the lane and no other vehicle has come, the
 * camera posts one more frame of it. The engine must record it with the decided arrival (202
 * {@code {"arrivalId": <that arrival>, "repeat": true}}) and decide nothing: no message at the gate.
 * The lane takes no other vehicle until the frame is answered.
 *
 * <p>Late frames are POSTed (the camera's token serves both ways), whatever --transport says: the
 * HTTP answer belongs to that one read, so it settles the frame exactly, where a lane stream
 * answers per socket, not per read.
 */
final class LateFrames implements AutoCloseable {

    /** A late frame still to be sent or answered. */
    record Pending(String arrivalId, InFlight arrival) {}

    private final LaneRun run;
    private final AtomicReferenceArray<Pending> pending;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "late-frames");
        t.setDaemon(true);
        return t;
    });
    private volatile ReadSender poster;

    LateFrames(LaneRun run) {
        this.run = run;
        this.pending = new AtomicReferenceArray<>(run.lanes.size());
    }

    /** Where late frames are posted (an HTTP sender); without one, REPEAT arrivals end at their decision. */
    void postWith(ReadSender httpSender) {
        this.poster = httpSender;
    }

    /** The REPEAT arrival was decided as {@code arrivalId}: a late frame follows. */
    void after(int lane, InFlight arrival, String arrivalId) {
        Pending p = new Pending(arrivalId, arrival);
        pending.set(lane, p);
        long delayMillis;
        synchronized (run.random) {
            delayMillis = 20 + run.random.nextInt(281);
        }
        timer.schedule(() -> send(lane, p), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void send(int lane, Pending p) {
        ReadSender out = poster;
        if (out == null) {
            settle(lane, p, null);
            return;
        }
        SimVehicle v = p.arrival().vehicles[0];
        double confidence;
        synchronized (run.random) {
            confidence = LaneMessages.confident(run.random);
        }
        String json =
                LaneMessages.plate(new LaneMessages.PlateSeen(v.canonical, confidence, null), Instant.now(), false);
        run.lateFrameSent(lane);
        run.counts.tally.repeatsSent.incrementAndGet();
        CompletableFuture<EngineClient.Answer> answer = out.plate(lane, json);
        answer.whenComplete((a, error) -> settle(
                lane,
                p,
                a == null
                        ? "a late frame of arrival " + p.arrivalId() + " got no answer: " + error
                        : Oracle.repeatWrongness(p.arrivalId(), a.status(), a.body())));
    }

    /** A decision reached the lane while only a late frame was outstanding there: it was decided again. */
    boolean decidedWhilePending(int lane, Decision d) {
        Pending p = pending.get(lane);
        if (p == null) {
            return false;
        }
        settle(lane, p, "a late frame of arrival " + p.arrivalId() + " was decided again at the gate: " + d.text());
        return true;
    }

    private void settle(int lane, Pending p, String why) {
        if (!pending.compareAndSet(lane, p, null)) {
            return;
        }
        if (why == null) {
            if (poster != null) {
                run.counts.tally.repeatsConfirmed.incrementAndGet();
            }
        } else {
            run.counts.wrong(
                    !p.arrival().plan.warmup(), Scenario.REPEAT, p.arrival().summary() + ": " + why);
        }
        run.counts.open.decrementAndGet();
        run.freeLane(lane);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
