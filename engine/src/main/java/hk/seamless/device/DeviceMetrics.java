package hk.seamless.device;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code /metrics} shows of one device the engine drives (an LLRP reader or a Modbus gate),
 * tagged with its lane: whether it is connected, when it last reported, and what went wrong.
 */
public final class DeviceMetrics {

    private final MeterRegistry registry;
    private final String lane;
    private final String device;
    private final AtomicLong connected = new AtomicLong();
    private final AtomicLong lastReportMillis = new AtomicLong();

    public DeviceMetrics(MeterRegistry registry, String lane, String device) {
        this.registry = registry;
        this.lane = lane;
        this.device = device;
        Gauge.builder("seamless_device_connected", connected, AtomicLong::get)
                .tag("lane", lane)
                .tag("device", device)
                .description("1 while the engine holds a connection to the lane's device")
                .register(registry);
        Gauge.builder("seamless_device_last_report_epoch_seconds", lastReportMillis, v -> v.get() / 1000.0)
                .tag("lane", lane)
                .tag("device", device)
                .description("when the device last reported (tags read, inputs polled)")
                .register(registry);
    }

    public void connected(boolean yes) {
        connected.set(yes ? 1 : 0);
    }

    public void reported(long atMillis) {
        lastReportMillis.set(atMillis);
    }

    /** A bad frame, an exception response, a refused request: counted by kind. */
    public void error(String kind) {
        Counter.builder("seamless_device_errors")
                .tag("lane", lane)
                .tag("device", device)
                .tag("error", kind)
                .description("device messages refused or failed")
                .register(registry)
                .increment();
    }

    /** A counted event of the device (tag reports, boom movements, faults). */
    public void count(String name, String kind) {
        Counter.builder(name)
                .tag("lane", lane)
                .tag("device", device)
                .tag("kind", kind)
                .register(registry)
                .increment();
    }
}
