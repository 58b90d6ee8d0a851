package hk.seamless.lanesim;

import hk.seamless.lanesim.devices.ModbusGateEmulator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The trucks at lanes whose boom is an emulated Modbus gate: each drives onto the loop as its reads
 * go out; once decided it drives under the raised boom (RELEASE) or turns off to the officers (any
 * other decision), leaves the loop, and the lane takes its next truck only when the boom is down
 * and the engine has read the loop clear (else it would take two trucks for one). The gates report
 * their coil writes and any boom lowered on a truck to the {@link BoomOracle}.
 */
final class BoomTraffic implements AutoCloseable {

    /** How long a released truck takes to pass under the raised boom and off the loop. */
    static final long DRIVE_THROUGH_MILLIS = 60;
    /** How long a truck not released takes to turn off the loop towards the officers. */
    static final long TURN_OFF_MILLIS = 30;

    static final long BOOM_WAIT_MILLIS = 5_000;
    static final long SETTLE_WAIT_MILLIS = 10_000;

    /** Told when a coil write reached a gate: the lane, the truck on its loop (or null), when ({@code System.nanoTime()}). */
    interface RaiseListener {
        void raised(int lane, Object truck, long nanos);
    }

    private final List<ModbusGateEmulator> gates;
    private final BoomOracle oracle;
    private final Consumer<String> onProblem;
    private final Object[] onLoop;
    /** Trucks that have driven onto a loop and whose lane has not yet taken the next. */
    private final java.util.concurrent.atomic.AtomicInteger present = new java.util.concurrent.atomic.AtomicInteger();

    private final ScheduledExecutorService movements = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "trucks");
        t.setDaemon(true);
        return t;
    });

    /** @param gates per lane, its gate emulator, or null for a lane whose gate is a WebSocket */
    BoomTraffic(List<ModbusGateEmulator> gates, BoomOracle oracle, Consumer<String> onProblem, RaiseListener timing) {
        this.gates = gates;
        this.oracle = oracle;
        this.onProblem = onProblem;
        this.onLoop = new Object[gates.size()];
        for (int i = 0; i < gates.size(); i++) {
            ModbusGateEmulator gate = gates.get(i);
            if (gate == null) {
                continue;
            }
            int lane = i;
            gate.onRaise(nanos -> {
                oracle.raised(lane);
                timing.raised(lane, onLoop[lane], nanos);
            });
            gate.onLoweredOnVehicle(() -> oracle.loweredOnVehicle(lane));
        }
    }

    boolean plays(int lane) {
        return gates.get(lane) != null;
    }

    /** The truck drives onto the loop (before its reads go out: the camera and reader see it there). */
    void arrives(int lane, Object truck, String summary) {
        present.incrementAndGet();
        oracle.onLoop(lane, truck, summary);
        onLoop[lane] = truck;
        gates.get(lane).vehicleArrives();
    }

    /** The lane heard the truck's decision: it moves on, and {@code laneFree} runs once the lane can take the next. */
    void decided(int lane, Object truck, boolean release, String summary, Runnable laneFree) {
        oracle.decided(truck, release);
        ModbusGateEmulator gate = gates.get(lane);
        if (release) {
            await(
                    gate::boomUp,
                    BOOM_WAIT_MILLIS,
                    () -> movements.schedule(() -> leave(lane, laneFree), DRIVE_THROUGH_MILLIS, TimeUnit.MILLISECONDS),
                    () -> {
                        onProblem.accept("RELEASE of " + summary + ": the boom was not up within " + BOOM_WAIT_MILLIS
                                + " ms; the truck backs off the loop");
                        leave(lane, laneFree);
                    });
        } else {
            movements.schedule(() -> leave(lane, laneFree), TURN_OFF_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void leave(int lane, Runnable laneFree) {
        oracle.offLoop(lane);
        onLoop[lane] = null;
        ModbusGateEmulator gate = gates.get(lane);
        gate.vehicleLeaves();
        await(
                gate::settled,
                SETTLE_WAIT_MILLIS,
                () -> {
                    present.decrementAndGet();
                    laneFree.run();
                },
                () -> {
                    present.decrementAndGet();
                    onProblem.accept("the gate of lane #" + lane
                            + " did not settle (loop clear, boom down, read by the engine) within "
                            + SETTLE_WAIT_MILLIS + " ms: "
                            + gate.history()
                                    .subList(
                                            Math.max(0, gate.history().size() - 6),
                                            gate.history().size()));
                    laneFree.run();
                });
    }

    /** Polls {@code condition} every 5 ms on the movements' threads (never blocking one); then or else. */
    private void await(BooleanSupplier condition, long timeoutMillis, Runnable then, Runnable orElse) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Runnable check = new Runnable() {
            @Override
            public void run() {
                if (condition.getAsBoolean()) {
                    then.run();
                } else if (System.nanoTime() > deadline) {
                    orElse.run();
                } else {
                    movements.schedule(this, 5, TimeUnit.MILLISECONDS);
                }
            }
        };
        movements.execute(check);
    }

    /**
     * Waits (up to {@code timeoutMillis}) until every truck decided has passed and its boom is down: the
     * last RELEASE's coil write comes after its decision, and the gates are judged only once it has.
     */
    void awaitPassed(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (present.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        movements.shutdownNow();
    }
}
