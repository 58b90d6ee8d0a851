package hk.seamless.lanesim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A lane holds one vehicle at a time, as a real lane does: the reads of two vehicles at once
 * (on separate device sockets, in no guaranteed order) would be fused into each other. So an
 * arrival with a tag waits, in its direction's queue (the gate-drop lane has a queue of its own),
 * for a lane of that queue without a vehicle, preferring its planned lane; its latency still
 * counts from when it was due, so a queue that forms because decisions are slow is in the
 * figures. (Plate-only lanes are busy by design: each next plate closes the waiting arrival.)
 *
 * <p>Finding a free lane costs the same with 36 lanes or 20,000: each queue keeps the lanes freed
 * since they were last taken ({@link #freed}), so a dispatch never walks the whole list; a lane
 * taken by an arrival planned for it leaves a stale entry there, which the next dispatch drops.
 */
final class LaneDispatch {

    static final String GATE_DROP_QUEUE = "GATEDROP";

    private final List<LaneInfo> lanes;
    private final ArrivalSchedule schedule;
    /** Per lane: whether a vehicle is at it (sent, not yet decided; for REPEAT, until its late frame is answered). */
    private final AtomicBoolean[] occupied;
    /** Per lane: kept for the gate-drop cycle, which is about to take it. */
    private final AtomicBoolean[] reserved;

    /**
     * Per queue, lanes that were free when put here (at the start, and each time a vehicle left):
     * every free lane has an entry; an entry whose lane has been taken since is dropped when met.
     */
    private final Map<String, ConcurrentLinkedQueue<Integer>> freed = new HashMap<>();

    private final Map<String, ConcurrentLinkedQueue<ArrivalSchedule.Planned>> waiting = new HashMap<>();
    /** Sends an arrival at the lane it names; false when it could not go (the lane is then free again). */
    private final Predicate<ArrivalSchedule.Planned> send;

    private final LongSupplier startNanos;
    final AtomicLong moved = new AtomicLong();
    final AtomicLong queued = new AtomicLong();

    LaneDispatch(
            List<LaneInfo> lanes,
            ArrivalSchedule schedule,
            Predicate<ArrivalSchedule.Planned> send,
            LongSupplier startNanos) {
        this.lanes = lanes;
        this.schedule = schedule;
        this.send = send;
        this.startNanos = startNanos;
        occupied = new AtomicBoolean[lanes.size()];
        reserved = new AtomicBoolean[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            occupied[i] = new AtomicBoolean();
            reserved[i] = new AtomicBoolean();
            String queue = queueOf(i);
            waiting.computeIfAbsent(queue, d -> new ConcurrentLinkedQueue<>());
            freed.computeIfAbsent(queue, d -> new ConcurrentLinkedQueue<>());
            if (!schedule.plateOnlyLanes().contains(i)) {
                freed.get(queue).add(i);
            }
        }
    }

    private String queueOf(int lane) {
        return lane == schedule.gateDropLane()
                ? GATE_DROP_QUEUE
                : lanes.get(lane).direction();
    }

    /** An arrival with a tag is due: it goes to a free lane of its queue, or waits for one. */
    void due(ArrivalSchedule.Planned p) {
        String queue = queueOf(p.lane());
        waiting.get(queue).add(p);
        dispatch(queue);
    }

    private void dispatch(String queueName) {
        ConcurrentLinkedQueue<ArrivalSchedule.Planned> queue = waiting.get(queueName);
        ConcurrentLinkedQueue<Integer> candidates = freed.get(queueName);
        while (!queue.isEmpty()) {
            ArrivalSchedule.Planned head = queue.peek();
            if (head == null) {
                return;
            }
            int lane = -1;
            if (!reserved[head.lane()].get() && occupied[head.lane()].compareAndSet(false, true)) {
                lane = head.lane();
            } else {
                for (Integer other = candidates.poll(); other != null; other = candidates.poll()) {
                    if (!reserved[other].get() && occupied[other].compareAndSet(false, true)) {
                        lane = other;
                        break;
                    }
                }
            }
            if (lane < 0) {
                return; // every lane holds a vehicle: the next decision dispatches
            }
            ArrivalSchedule.Planned p = queue.poll();
            if (p == null) {
                free(lane);
                return;
            }
            if (lane != p.lane()) {
                moved.incrementAndGet();
            }
            if (System.nanoTime() - (startNanos.getAsLong() + p.dueNanos()) > 1_000_000L) {
                queued.incrementAndGet();
            }
            if (!send.test(new ArrivalSchedule.Planned(p.index(), p.dueNanos(), lane, p.scenario(), p.warmup()))) {
                free(lane);
            }
        }
    }

    /** The vehicle has left the lane: the next one may come. */
    void freeLane(int lane) {
        free(lane);
        dispatch(queueOf(lane));
    }

    private void free(int lane) {
        occupied[lane].set(false);
        if (!schedule.plateOnlyLanes().contains(lane)) {
            freed.get(queueOf(lane)).add(lane);
        }
    }

    /** Waits until the lane holds no vehicle and takes it, keeping new ones away until {@link #release}. */
    void takeLane(int lane) throws InterruptedException {
        reserved[lane].set(true);
        while (!occupied[lane].compareAndSet(false, true)) {
            Thread.sleep(1);
        }
    }

    void release(int lane) {
        reserved[lane].set(false);
        freeLane(lane);
    }

    boolean anyWaiting() {
        return waiting.values().stream().anyMatch(q -> !q.isEmpty());
    }

    long stillWaiting() {
        return waiting.values().stream().mapToLong(java.util.Collection::size).sum();
    }
}
