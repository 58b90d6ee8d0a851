package hk.seamless.device.modbus;

import hk.seamless.device.DeviceMetrics;
import hk.seamless.device.GateActions;
import hk.seamless.device.LaneSide;
import hk.seamless.pipeline.GateEvent;

/** The interlock's actions on a Modbus gate: the coil on the wire, the rest to the lane. */
final class ModbusGateActions implements GateActions {

    private final ModbusGate gate;
    private final LaneSide lane;
    private final DeviceMetrics metrics;

    ModbusGateActions(ModbusGate gate, LaneSide lane, DeviceMetrics metrics) {
        this.gate = gate;
        this.lane = lane;
        this.metrics = metrics;
    }

    @Override
    public void raiseCoil(boolean set) {
        gate.writeCoil(set);
    }

    @Override
    public void opened(String arrivalId) {
        lane.opened(arrivalId);
    }

    @Override
    public void keptClosed(String arrivalId) {
        lane.keptClosed(arrivalId);
    }

    @Override
    public void loopCleared() {
        lane.loopCleared();
    }

    @Override
    public void journal(GateEvent event) {
        metrics.count("seamless_boom_movements", event.kind().name());
        lane.journal(event);
    }

    @Override
    public void fault(String reason) {
        lane.fault(reason);
    }
}
