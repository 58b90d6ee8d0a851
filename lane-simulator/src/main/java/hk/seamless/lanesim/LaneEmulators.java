package hk.seamless.lanesim;

import hk.seamless.lanesim.devices.LlrpReaderEmulator;
import hk.seamless.lanesim.devices.ModbusGateEmulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulated devices of the run's lanes, listening where the engine's settings file says: per lane
 * an LLRP reader ({@code llrp}) and/or a Modbus TCP boom gate ({@code modbus}), else null. Started
 * before the run; the engine, which calls its devices with a backoff of up to 10 s, reaches them
 * during the set-up.
 */
final class LaneEmulators implements AutoCloseable {

    /** A realistic boom takes seconds; this one 100 ms, so that 36 lanes can carry 100 trucks a second. */
    static final long BOOM_TRAVEL_MILLIS = 100;

    final List<LlrpReaderEmulator> readers;
    final List<ModbusGateEmulator> gates;

    private LaneEmulators(List<LlrpReaderEmulator> readers, List<ModbusGateEmulator> gates) {
        this.readers = Collections.unmodifiableList(readers);
        this.gates = Collections.unmodifiableList(gates);
    }

    static LaneEmulators start(List<LaneInfo> lanes, Map<String, DeviceLanes.Wiring> wired, Set<String> kinds) {
        List<String> missing = DeviceLanes.missing(lanes, wired, kinds);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--device-config gives no "
                    + String.join(" and ", kinds.stream().sorted().toList()) + " device to lanes " + missing
                    + "; drive only lanes it wires (--lanes), or write it again (devices-config)");
        }
        List<LlrpReaderEmulator> readers = new ArrayList<>();
        List<ModbusGateEmulator> gates = new ArrayList<>();
        LaneEmulators emulators = new LaneEmulators(readers, gates);
        try {
            for (LaneInfo lane : lanes) {
                DeviceLanes.Wiring w = wired.get(lane.id());
                readers.add(
                        kinds.contains("llrp")
                                ? new LlrpReaderEmulator(
                                        DeviceLanes.address(w.reader().host()),
                                        w.reader().port())
                                : null);
                gates.add(
                        kinds.contains("modbus")
                                ? new ModbusGateEmulator(
                                        DeviceLanes.address(w.gate().host()),
                                        w.gate().port(),
                                        w.gate().pulse(),
                                        BOOM_TRAVEL_MILLIS)
                                : null);
            }
        } catch (RuntimeException e) {
            emulators.close();
            throw e;
        }
        return emulators;
    }

    /**
     * Waits until the engine has started every reader's ROSpec and polls every gate.
     *
     * @throws IllegalStateException naming the lanes the engine has not reached
     */
    void awaitEngine(List<LaneInfo> lanes, Duration timeout, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> waiting = new ArrayList<>();
            for (int i = 0; i < lanes.size(); i++) {
                if ((readers.get(i) != null && !readers.get(i).started())
                        || (gates.get(i) != null && gates.get(i).inputReads() == 0)) {
                    waiting.add(lanes.get(i).id());
                }
            }
            if (waiting.isEmpty()) {
                out.println("devices: the engine reads every emulated reader and polls every emulated gate");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the engine has not reached the emulated devices of " + waiting
                        + " within " + timeout.toSeconds()
                        + " s: was it started with --config of the same --device-config file?");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        readers.stream().filter(r -> r != null).forEach(LlrpReaderEmulator::close);
        gates.stream().filter(g -> g != null).forEach(ModbusGateEmulator::close);
    }
}
