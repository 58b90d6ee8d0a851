package hk.seamless.config;

import java.util.Set;

/**
 * A lane's RFID reader reached over LLRP ({@code llrp://host:5084}): the engine is the LLRP client.
 *
 * @param antennas  the reader's antennas that look at this lane (1-based); reads on others are not this lane's
 * @param rssiFloor the weakest peak RSSI (dBm) taken as a read of the vehicle at the lane, or null for any:
 *                  a reader also hears tags of trucks queueing behind
 */
public record LlrpReaderSetting(String host, int port, Set<Integer> antennas, Integer rssiFloor) {

    public LlrpReaderSetting {
        antennas = Set.copyOf(antennas);
    }

    public boolean hearsAntenna(int antenna) {
        return antennas.isEmpty() || antennas.contains(antenna);
    }
}
