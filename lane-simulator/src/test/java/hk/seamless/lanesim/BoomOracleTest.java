package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import hk.seamless.lanesim.devices.ModbusGateEmulator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The boom oracle: what the emulated gates saw, judged against the decisions the lanes heard. */
class BoomOracleTest {

    private final BoomOracle oracle = new BoomOracle(List.of("SIM-S-01", "SIM-S-02"));

    @Test
    void aBoomRaisedForAReleasedTruckIsRight() {
        Object truck = new Object();
        oracle.onLoop(0, truck, "ontime #1");
        oracle.raised(0); // the coil write may come before the lane hears the decision
        oracle.decided(truck, true);
        oracle.offLoop(0);
        BoomOracle.Findings f = oracle.finish();
        assertEquals(0, f.violations(), f.examples().toString());
        assertEquals(1, f.raises());
        assertEquals(0, f.releasesNotRaised());
    }

    @Test
    void aBoomRaisedForATruckThatWasNotReleasedIsCaughtWhicheverComesFirst() {
        Object before = new Object();
        oracle.onLoop(0, before, "unbundled #1");
        oracle.raised(0);
        oracle.decided(before, false);
        Object after = new Object();
        oracle.onLoop(1, after, "unbundled #2");
        oracle.decided(after, false);
        oracle.raised(1);
        BoomOracle.Findings f = oracle.finish();
        assertEquals(2, f.raisedWithoutRelease(), f.examples().toString());
        assertTrue(f.examples().get(0).contains("unbundled #1"), f.examples().toString());
    }

    @Test
    void aBoomRaisedOverAnEmptyLoopOrForATruckNeverDecidedIsCaught() {
        oracle.raised(0);
        oracle.onLoop(1, new Object(), "ontime #7");
        oracle.raised(1);
        BoomOracle.Findings f = oracle.finish();
        assertEquals(2, f.raisedWithoutRelease(), f.examples().toString());
        assertTrue(
                f.examples().get(0).contains("no truck under it"), f.examples().toString());
        assertTrue(f.examples().get(1).contains("never decided"), f.examples().toString());
    }

    @Test
    void aReleaseWhoseBoomNeverRoseIsCountedButIsNotUnsafe() {
        Object truck = new Object();
        oracle.onLoop(0, truck, "ontime #2");
        oracle.decided(truck, true);
        BoomOracle.Findings f = oracle.finish();
        assertEquals(1, f.releasesNotRaised());
        assertEquals(0, f.violations());
    }

    /**
     * Against real emulated gates and a Modbus client that misbehaves as an engine must not: it raises
     * the boom over a truck that is then INSPECTed, and, at a hold-mode gate, drops the coil while the
     * truck is still on the loop. Both reach the oracle through the trucks' traffic.
     */
    @Test
    void whatARogueClientDoesToEmulatedGatesIsCaught() throws Exception {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        try (ModbusGateEmulator pulse = new ModbusGateEmulator(true, 20);
                ModbusGateEmulator hold = new ModbusGateEmulator(false, 20);
                BoomTraffic trucks =
                        new BoomTraffic(List.of(pulse, hold), oracle, problems::add, (lane, truck, nanos) -> {})) {
            ModbusTCPMaster toPulse = new ModbusTCPMaster("127.0.0.1", pulse.port());
            ModbusTCPMaster toHold = new ModbusTCPMaster("127.0.0.1", hold.port());
            toPulse.connect();
            toHold.connect();
            try {
                Object inspected = new Object();
                trucks.arrives(0, inspected, "unbundled #3");
                toPulse.writeCoil(ModbusGateEmulator.UNIT, ModbusGateEmulator.RAISE_COIL, true);
                awaitTrue(pulse::boomUp, "the boom up");
                trucks.decided(0, inspected, false, "unbundled #3", () -> {});

                Object released = new Object();
                trucks.arrives(1, released, "ontime #4");
                toHold.writeCoil(ModbusGateEmulator.UNIT, ModbusGateEmulator.RAISE_COIL, true);
                awaitTrue(hold::boomUp, "the hold-mode boom up");
                toHold.writeCoil(
                        ModbusGateEmulator.UNIT, ModbusGateEmulator.RAISE_COIL, false); // truck still on the loop
                awaitTrue(hold::boomDown, "the boom down on the truck");
                trucks.decided(1, released, true, "ontime #4", () -> {});
            } finally {
                toPulse.disconnect();
                toHold.disconnect();
            }
        }
        BoomOracle.Findings f = oracle.finish();
        assertEquals(1, f.raisedWithoutRelease(), f.examples().toString());
        assertEquals(1, f.loweredOnVehicle(), f.examples().toString());
        assertEquals(2, f.violations());
        assertTrue(
                f.examples().stream().anyMatch(e -> e.contains("came down on a truck: ontime #4")),
                f.examples().toString());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("never " + what);
            }
            Thread.sleep(5);
        }
    }
}
