package hk.seamless.lanesim.devices;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A boom gate's controller on Modbus TCP (j2mod's server side), as a lane has it: coil 0 raises the
 * boom, input 0 is the induction loop, inputs 1 and 2 the boom-up and boom-down limit switches. The
 * boom takes {@code travelMillis} to move. In pulse mode the controller keeps the boom up until the
 * loop clears; in hold mode the boom comes down when the coil is released, truck or not (a dumb
 * relay: the engine's interlock is what must prevent it, and {@link #loweredOnVehicle} counts it).
 * Used by the lane simulator ({@code --devices modbus}) and by the engine's tests.
 */
public final class ModbusGateEmulator implements AutoCloseable {

    public static final int UNIT = 1;
    public static final int RAISE_COIL = 0;
    public static final int LOOP = 0;
    public static final int BOOM_UP = 1;
    public static final int BOOM_DOWN = 2;

    private final boolean pulseMode;
    private final long travelMillis;
    private final InetAddress host;
    private final int port;
    /** Counts the client's reads of the inputs (the loop is the first one each poll reads). */
    private final AtomicLong inputReads = new AtomicLong();

    private final LoopInput loop = new LoopInput();
    private final SimpleDigitalIn up = new SimpleDigitalIn(false);
    private final SimpleDigitalIn down = new SimpleDigitalIn(true);
    private final SimpleProcessImage image = new SimpleProcessImage(UNIT);
    private final ScheduledExecutorService motor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gate-emulator-motor");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger raises = new AtomicInteger();
    private final AtomicInteger loweredOnVehicle = new AtomicInteger();
    private final List<String> history = new CopyOnWriteArrayList<>();
    /** The input reads counted when the loop or a switch last changed: a later read saw the change. */
    private volatile long readsAtLastChange;

    private volatile boolean jammed;
    /** Told the time ({@code System.nanoTime()}) of every coil set: what the simulator times and judges. */
    private volatile LongConsumer onRaise = t -> {};
    /** Told of every boom that starts down while the loop sees a vehicle. */
    private volatile Runnable onLoweredOnVehicle = () -> {};

    private ModbusSlave slave;

    /** On loopback, on a free port. */
    public ModbusGateEmulator(boolean pulseMode, long travelMillis) {
        this(InetAddress.getLoopbackAddress(), 0, pulseMode, travelMillis);
    }

    /** On this address and port (0: a free one), as a lane's settings name the gate. */
    public ModbusGateEmulator(InetAddress host, int port, boolean pulseMode, long travelMillis) {
        this.pulseMode = pulseMode;
        this.travelMillis = travelMillis;
        this.host = host;
        this.port = port == 0 ? LlrpReaderEmulator.freePort(host) : port;
        image.addDigitalOut(new RaiseCoil());
        image.addDigitalIn(loop);
        image.addDigitalIn(up);
        image.addDigitalIn(down);
        open();
    }

    public int port() {
        return port;
    }

    /** Serves (again, after {@link #stop}) on the same port. */
    public synchronized void open() {
        try {
            slave = ModbusSlaveFactory.createTCPSlave(host, port, 4, false);
            slave.addProcessImage(UNIT, image);
            slave.open();
        } catch (ModbusException e) {
            throw new IllegalStateException(
                    "the gate emulator could not listen on " + host.getHostAddress() + ":" + port, e);
        }
    }

    /** The controller goes off the network: only this emulator's server is closed, never the JVM's others. */
    public synchronized void stop() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }

    /** The motor no longer moves: the boom stays where it is whatever the coil says. */
    public void jam() {
        jammed = true;
    }

    public void unjam() {
        jammed = false;
    }

    /** Both limit switches closed at once: a wiring fault. */
    public void shortTheLimitSwitches() {
        up.set(true);
        down.set(true);
        changed();
    }

    public synchronized void vehicleArrives() {
        loop.set(true);
        changed();
        history.add("loop OCCUPIED");
    }

    public synchronized void vehicleLeaves() {
        loop.set(false);
        changed();
        history.add("loop CLEAR");
        if (pulseMode && up.isSet()) {
            lower();
        }
    }

    public boolean boomUp() {
        return up.isSet() && !down.isSet();
    }

    public boolean boomDown() {
        return down.isSet() && !up.isSet();
    }

    public boolean loopOccupied() {
        return loop.occupied();
    }

    /**
     * Whether the lane is ready for the next vehicle: the loop clear, the boom down, and the client
     * has read the inputs twice since they last changed (once could be a read begun before the change),
     * so that it saw this vehicle leave before the next one comes.
     */
    public synchronized boolean settled() {
        return !loop.occupied() && down.isSet() && !up.isSet() && lastChangeRead();
    }

    /**
     * Whether the client has read the inputs twice since the loop or a switch last changed (once
     * could be a read begun before the change): it has seen the inputs as they are now. A client
     * polls, so a vehicle that comes and goes between two reads is never seen.
     */
    public synchronized boolean lastChangeRead() {
        return inputReads.get() >= readsAtLastChange + 2;
    }

    /** How many times a client has read the inputs: zero until a client polls. */
    public long inputReads() {
        return inputReads.get();
    }

    /** How many times the coil was set (each a command to raise the boom). */
    public int raises() {
        return raises.get();
    }

    /** How many times the boom came down while the loop saw a vehicle: must stay 0. */
    public int loweredOnVehicle() {
        return loweredOnVehicle.get();
    }

    public List<String> history() {
        return history;
    }

    public void onRaise(LongConsumer listener) {
        onRaise = listener;
    }

    public void onLoweredOnVehicle(Runnable listener) {
        onLoweredOnVehicle = listener;
    }

    private void changed() {
        readsAtLastChange = inputReads.get();
    }

    private synchronized void raise() {
        onRaise.accept(System.nanoTime());
        raises.incrementAndGet();
        history.add("coil SET");
        if (jammed || up.isSet()) {
            return;
        }
        down.set(false);
        changed();
        motor.schedule(
                () -> {
                    synchronized (this) {
                        up.set(true);
                        changed();
                        history.add("boom UP");
                    }
                },
                travelMillis,
                TimeUnit.MILLISECONDS);
    }

    private synchronized void lower() {
        if (jammed || !up.isSet()) {
            return;
        }
        if (loop.occupied()) {
            loweredOnVehicle.incrementAndGet();
            history.add("boom LOWERED ON A VEHICLE");
            onLoweredOnVehicle.run();
        }
        up.set(false);
        changed();
        motor.schedule(
                () -> {
                    synchronized (this) {
                        down.set(true);
                        changed();
                        history.add("boom DOWN");
                    }
                },
                travelMillis,
                TimeUnit.MILLISECONDS);
    }

    /** The loop detector's input: the client's reads of it are counted, the emulator's own looks are not. */
    private final class LoopInput extends SimpleDigitalIn {

        @Override
        public boolean isSet() {
            inputReads.incrementAndGet();
            return super.isSet();
        }

        boolean occupied() {
            return super.isSet();
        }
    }

    /** The coil: a set raises the boom; a release lowers it in hold mode (pulse mode ignores the release). */
    private final class RaiseCoil extends SimpleDigitalOut {

        @Override
        public synchronized void set(boolean b) {
            boolean was = isSet();
            super.set(b);
            if (b && !was) {
                raise();
            } else if (!b && was) {
                history.add("coil RELEASED");
                if (!pulseMode) {
                    lower();
                }
            }
        }
    }

    @Override
    public void close() {
        stop();
        motor.shutdownNow();
    }
}
