package hk.seamless.device.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.util.BitVector;
import hk.seamless.config.ModbusGateSetting;
import hk.seamless.device.Backoff;
import hk.seamless.device.BoomInterlock;
import hk.seamless.device.DeviceMetrics;
import hk.seamless.device.LaneSide;
import hk.seamless.gate.GateLink;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A boom gate on a PLC or relay module reached over Modbus TCP: the engine writes the coil that
 * raises the boom and polls the loop detector and the limit switches. The gate's state is what the
 * switches say, never what a message claims. Everything happens on the gate's own thread; the
 * pipeline only hands it decisions.
 */
public final class ModbusGate implements GateLink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusGate.class);
    /** Answers that cannot be read, in a row, before the inputs are taken as unknown: a fault. */
    private static final int UNREADABLE_LIMIT = 3;

    private final ModbusGateSetting setting;
    private final LaneSide lane;
    private final DeviceMetrics metrics;
    private final BoomInterlock interlock;
    private final ScheduledExecutorService thread;
    /** The end of the pulse now on, in pulse mode (written on {@link #thread} only). */
    private java.util.concurrent.ScheduledFuture<?> pulseEnd;

    private final Backoff backoff = new Backoff(200, 10_000);
    private final int firstInput;
    private final int inputCount;
    private ModbusTCPMaster master;
    private boolean everConnected;
    private long nextAttemptMillis;
    private int unreadable;
    private volatile boolean closed;

    public ModbusGate(ModbusGateSetting setting, LaneSide lane, DeviceMetrics metrics) {
        this.setting = setting;
        this.lane = lane;
        this.metrics = metrics;
        this.interlock = new BoomInterlock(
                lane.id(),
                setting.hasLoop(),
                !setting.pulse(),
                setting.confirmWithinMillis(),
                setting.loopStuckMillis(),
                lane::faulted,
                new ModbusGateActions(this, lane, metrics));
        int first = Math.min(setting.boomUpInput(), setting.boomDownInput());
        int lastInput = Math.max(setting.boomUpInput(), setting.boomDownInput());
        if (setting.hasLoop()) {
            first = Math.min(first, setting.loopInput());
            lastInput = Math.max(lastInput, setting.loopInput());
        }
        this.firstInput = first;
        this.inputCount = lastInput - first + 1;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "modbus-gate-" + lane.id());
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::poll, 0, setting.pollMillis(), TimeUnit.MILLISECONDS);
    }

    /** On the pipeline thread: a decision or a HOLD for this lane. Parsed here, acted on by the gate's thread. */
    @Override
    public void send(String message) {
        GateDecision decision = GateDecision.parse(message);
        if (decision != null && !closed) {
            try {
                thread.execute(() -> interlock.decided(
                        decision.arrivalId(), decision.release(), decision.validUntilMillis(), lane.nowMillis()));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // The engine is stopping: the boom stays as it is, down unless a truck is under it.
            }
        }
    }

    private void poll() {
        try {
            if (master == null && !connect()) {
                return;
            }
            BitVector bits = master.readInputDiscretes(setting.unit(), firstInput, inputCount);
            unreadable = 0;
            metrics.reported(lane.nowMillis());
            interlock.inputs(
                    new BoomInterlock.Inputs(
                            setting.hasLoop() && bits.getBit(setting.loopInput() - firstInput),
                            bits.getBit(setting.boomUpInput() - firstInput),
                            bits.getBit(setting.boomDownInput() - firstInput)),
                    lane.nowMillis());
        } catch (ModbusSlaveException refused) {
            metrics.error("exception_response");
            LOG.warn("Gate of lane {}: the controller refused to give its inputs: {}", lane.id(), refused.getMessage());
            if (++unreadable >= UNREADABLE_LIMIT) {
                lane.fault("INPUTS_UNREADABLE: the controller refused " + unreadable + " reads of its inputs in a row");
            }
        } catch (ModbusException | RuntimeException e) {
            lost(e);
        }
    }

    /** Sets or releases the raise coil; in pulse mode a set is dropped again after the pulse. */
    void writeCoil(boolean set) {
        if (master == null) {
            if (!set) {
                return; // nothing to drop on a connection that is gone; the controller's own timeout does
            }
            lane.fault("NOT_RAISED: the gate's connection was lost before the coil could be written");
            return;
        }
        try {
            if (set && setting.pulse() && pulseEnd != null && !pulseEnd.isDone()) {
                // A controller acts on the coil's rising edge: a RELEASE that comes while the last
                // pulse is still on would be swallowed by it. End that pulse now, then start this one.
                pulseEnd.cancel(false);
                master.writeCoil(setting.unit(), setting.raiseCoil(), false);
            }
            master.writeCoil(setting.unit(), setting.raiseCoil(), set);
            LOG.info("Gate of lane {}: raise coil {} {}", lane.id(), setting.raiseCoil(), set ? "set" : "released");
            if (set && setting.pulse()) {
                pulseEnd = thread.schedule(() -> writeCoil(false), setting.pulseMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ModbusSlaveException refused) {
            metrics.error("exception_response");
            LOG.error(
                    "Gate of lane {}: the controller refused the write of coil {}: {}",
                    lane.id(),
                    setting.raiseCoil(),
                    refused.getMessage());
            lane.fault("COIL_REFUSED: the controller answered the coil write with " + refused.getMessage());
        } catch (ModbusException | RuntimeException e) {
            lost(e);
        }
    }

    private boolean connect() {
        long now = System.currentTimeMillis();
        if (now < nextAttemptMillis || closed) {
            return false;
        }
        ModbusTCPMaster candidate = new ModbusTCPMaster(setting.host(), setting.port(), 1_000, false);
        try {
            candidate.connect();
        } catch (Exception e) {
            candidate.disconnect();
            nextAttemptMillis = now + backoff.next();
            metrics.error("connect_failed");
            LOG.warn(
                    "Gate of lane {}: cannot reach {}:{} ({}); trying again",
                    lane.id(),
                    setting.host(),
                    setting.port(),
                    e.getMessage());
            return false;
        }
        master = candidate;
        backoff.reset();
        everConnected = true;
        metrics.connected(true);
        lane.gateConnected(this, true);
        LOG.info(
                "Gate of lane {}: connected to {}:{} unit {}",
                lane.id(),
                setting.host(),
                setting.port(),
                setting.unit());
        return true;
    }

    private void lost(Exception e) {
        metrics.error("connection_lost");
        if (master != null) {
            master.disconnect();
            master = null;
        }
        interlock.disconnected();
        metrics.connected(false);
        lane.gateConnected(this, false);
        nextAttemptMillis = System.currentTimeMillis() + backoff.next();
        if (everConnected && !closed) {
            LOG.error("Gate of lane {}: connection lost ({})", lane.id(), e.toString());
            lane.fault("CONNECTION_LOST: the gate controller at " + setting.host() + ":" + setting.port()
                    + " stopped answering");
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (master != null) {
            master.disconnect();
        }
    }
}
