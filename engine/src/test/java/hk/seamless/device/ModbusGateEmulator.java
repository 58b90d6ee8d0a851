package hk.seamless.device;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A boom gate's controller on Modbus TCP (j2mod's server side), as a lane has it: coil 0 raises the
 * boom, input 0 is the induction loop, inputs 1 and 2 the boom-up and boom-down limit switches. The
 * boom takes {@code travelMillis} to move. In pulse mode the controller keeps the boom up until the
 * loop clears; in hold mode the boom comes down when the coil is released, truck or not (a dumb
 * relay: the engine's interlock is what must prevent it, and {@link #loweredOnVehicle} counts it).
 */
public final class ModbusGateEmulator implements AutoCloseable {

    public static final int UNIT = 1;
    public static final int RAISE_COIL = 0;
    public static final int LOOP = 0;
    public static final int BOOM_UP = 1;
    public static final int BOOM_DOWN = 2;

    private final boolean pulseMode;
    private final long travelMillis;
    private final int port;
    private final SimpleDigitalIn loop = new SimpleDigitalIn(false);
    private final SimpleDigitalIn up = new SimpleDigitalIn(false);
    private final SimpleDigitalIn down = new SimpleDigitalIn(true);
    private final ScheduledExecutorService motor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gate-emulator-motor");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger raises = new AtomicInteger();
    private final AtomicInteger loweredOnVehicle = new AtomicInteger();
    private final List<String> history = new CopyOnWriteArrayList<>();
    private volatile boolean jammed;
    /** Told the time ({@code System.nanoTime()}) of every coil set: measurements of the path to the boom. */
    private volatile java.util.function.LongConsumer onRaise = t -> { };
    private ModbusSlave slave;

    public ModbusGateEmulator(boolean pulseMode, long travelMillis) {
        this.pulseMode = pulseMode;
        this.travelMillis = travelMillis;
        this.port = freePort();
        SimpleProcessImage image = new SimpleProcessImage(UNIT);
        image.addDigitalOut(new RaiseCoil());
        image.addDigitalIn(loop);
        image.addDigitalIn(up);
        image.addDigitalIn(down);
        this.image = image;
        open();
    }

    private final SimpleProcessImage image;

    public int port() {
        return port;
    }

    /** Serves (again, after {@link #stop}) on the same port. */
    public synchronized void open() {
        try {
            slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
            slave.addProcessImage(UNIT, image);
            slave.open();
        } catch (ModbusException e) {
            throw new IllegalStateException("the gate emulator could not listen on " + port, e);
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
    }

    public synchronized void vehicleArrives() {
        loop.set(true);
        history.add("loop OCCUPIED");
    }

    public synchronized void vehicleLeaves() {
        loop.set(false);
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
        return loop.isSet();
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

    public void onRaise(java.util.function.LongConsumer listener) {
        onRaise = listener;
    }

    private synchronized void raise() {
        onRaise.accept(System.nanoTime());
        raises.incrementAndGet();
        history.add("coil SET");
        if (jammed || up.isSet()) {
            return;
        }
        down.set(false);
        motor.schedule(() -> {
            synchronized (this) {
                up.set(true);
                history.add("boom UP");
            }
        }, travelMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void lower() {
        if (jammed || !up.isSet()) {
            return;
        }
        if (loop.isSet()) {
            loweredOnVehicle.incrementAndGet();
            history.add("boom LOWERED ON A VEHICLE");
        }
        up.set(false);
        motor.schedule(() -> {
            synchronized (this) {
                down.set(true);
                history.add("boom DOWN");
            }
        }, travelMillis, TimeUnit.MILLISECONDS);
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        motor.shutdownNow();
    }
}
