package hk.seamless.device;

import hk.seamless.config.Lane;
import hk.seamless.device.llrp.LlrpReaderClient;
import hk.seamless.device.modbus.ModbusGate;
import hk.seamless.gate.LaneHub;
import hk.seamless.pipeline.LanePipeline;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lane devices the engine drives itself, as the lanes' settings name them: an LLRP reader
 * client and a Modbus TCP gate per lane that has them. Lanes without them are untouched: their
 * devices post reads and connect their gates over HTTP and WebSocket.
 */
public final class LaneDevices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LaneDevices.class);

    private final List<AutoCloseable> drivers = new ArrayList<>();

    private LaneDevices() {}

    public static LaneDevices start(LanePipeline pipeline, LaneHub hub, Clock clock, MeterRegistry metrics) {
        LaneDevices devices = new LaneDevices();
        for (int i = 0; i < pipeline.lanes().size(); i++) {
            Lane lane = pipeline.lane(i);
            if (lane.modbusGate() == null && lane.llrpReader() == null) {
                continue;
            }
            // One per lane and device: Micrometer keeps the first gauge registered under a name and tags.
            DeviceMetrics gateMetrics = new DeviceMetrics(metrics, lane.id(), "gate");
            LaneSide side = new LaneSide(pipeline, hub, i, clock, gateMetrics);
            if (lane.modbusGate() != null) {
                ModbusGate gate = new ModbusGate(lane.modbusGate(), side, gateMetrics);
                devices.drivers.add(gate);
                gate.start();
            }
            if (lane.llrpReader() != null) {
                LlrpReaderClient reader =
                        new LlrpReaderClient(lane.llrpReader(), side, new DeviceMetrics(metrics, lane.id(), "reader"));
                devices.drivers.add(reader);
                reader.start();
            }
        }
        if (!devices.drivers.isEmpty()) {
            LOG.info("Driving {} lane devices (LLRP readers, Modbus gates)", devices.drivers.size());
        }
        return devices;
    }

    @Override
    public void close() {
        for (AutoCloseable driver : drivers) {
            try {
                driver.close();
            } catch (Exception e) {
                LOG.warn("A lane device driver did not stop cleanly", e);
            }
        }
    }
}
