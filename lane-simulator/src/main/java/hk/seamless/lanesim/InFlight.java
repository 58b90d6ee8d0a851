package hk.seamless.lanesim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** One arrival on its way: what was sent, what it must get, when it was due. */
final class InFlight {
    final ArrivalSchedule.Planned plan;
    final SimVehicle[] vehicles;
    final Oracle.Expectation expected;
    final AtomicInteger outstanding;
    /** What the arrival was, in words, for a wrong decision: made on first use. */
    private final Supplier<String> describe;

    private String summary;
    /** When its tag left ({@code System.nanoTime()}), 0 before. */
    volatile long tagSentNanos;
    /** When its reads were sent. */
    final long sentNanos = System.nanoTime();

    InFlight(
            ArrivalSchedule.Planned plan,
            SimVehicle[] vehicles,
            Oracle.Expectation expected,
            int outstanding,
            Supplier<String> describe) {
        this.plan = plan;
        this.vehicles = vehicles;
        this.expected = expected;
        this.outstanding = new AtomicInteger(outstanding);
        this.describe = describe;
    }

    synchronized String summary() {
        if (summary == null) {
            summary = describe.get();
        }
        return summary;
    }
}
