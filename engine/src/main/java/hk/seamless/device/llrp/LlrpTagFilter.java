package hk.seamless.device.llrp;

import hk.seamless.config.LlrpReaderSetting;
import hk.seamless.device.DeviceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which reported tags are reads of the vehicle at the lane: seen by one of the lane's antennas,
 * at least as strong as the RSSI floor (a weaker read is a truck queueing behind), and an EPC the
 * tag-read route would take (8 to 124 hex digits).
 */
final class LlrpTagFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LlrpTagFilter.class);

    private final LlrpReaderSetting setting;
    private final String laneId;
    private final DeviceMetrics metrics;

    LlrpTagFilter(LlrpReaderSetting setting, String laneId, DeviceMetrics metrics) {
        this.setting = setting;
        this.laneId = laneId;
        this.metrics = metrics;
    }

    boolean isLaneRead(TagReport tag) {
        if (tag.epc().length() < 8 || tag.epc().length() > 124) {
            metrics.error("bad_epc");
            LOG.warn("LLRP reader of lane {}: refused an EPC of {} hex digits", laneId, tag.epc().length());
            return false;
        }
        if (tag.antenna() != 0 && !setting.hearsAntenna(tag.antenna())) {
            metrics.count("seamless_reader_tags", "other_antenna");
            return false;
        }
        if (setting.rssiFloor() != null && tag.peakRssi() != null && tag.peakRssi() < setting.rssiFloor()) {
            metrics.count("seamless_reader_tags", "below_rssi_floor");
            return false;
        }
        return true;
    }
}
