package hk.seamless.device.llrp;

/**
 * One tag as a reader reported it.
 *
 * @param epc             the EPC in upper-case hex, as the tag-read route takes it
 * @param antenna         the antenna that saw it (0 when the report does not say)
 * @param peakRssi        the peak RSSI in dBm, or null when the report does not say
 * @param firstSeenMicros when the reader first saw it, microseconds since the epoch (0 when not said)
 */
public record TagReport(String epc, int antenna, Integer peakRssi, long firstSeenMicros) {}
