package hk.seamless.config;

/**
 * A lane's boom gate driven over Modbus TCP ({@code modbus://host:502}): a coil raises the boom,
 * discrete inputs tell where the boom is and whether the induction loop sees a vehicle.
 *
 * @param pulse            true: the coil is set for {@code pulseMillis} and the gate controller keeps the boom up
 *                         until the loop clears; false ("hold"): the coil is held while the boom must stay up,
 *                         and released only once the loop is clear again
 * @param loopInput        the loop detector's discrete input, or -1 for a lane without one
 * @param confirmWithinMillis how long the boom-up switch may take to close after the coil was written
 * @param loopStuckMillis  a loop OCCUPIED for longer than this is taken as a stuck detector
 * @param pollMillis       how often the inputs are read
 */
public record ModbusGateSetting(
        String host,
        int port,
        int unit,
        int raiseCoil,
        boolean pulse,
        long pulseMillis,
        int loopInput,
        int boomUpInput,
        int boomDownInput,
        long confirmWithinMillis,
        long loopStuckMillis,
        long pollMillis) {

    public boolean hasLoop() {
        return loopInput >= 0;
    }
}
