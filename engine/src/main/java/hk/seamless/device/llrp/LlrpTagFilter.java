package hk.seamless.device.llrp;

import hk.seamless.config.LlrpReaderSetting;
import hk.seamless.device.DeviceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which reported tags are reads of the vehicle at the lane: seen by one of the lane's antennas,
 * at least as strong as the RSSI floor (a weaker read is a truck queueing behind), and an EPC the
 * tag-read route would take (8 to 124 hex digits). A reader reports a tag many times a second
 * while it is in the field, and a faulty one may flood: the same EPC again within
 * {@link #REPEAT_MILLIS} is not passed on, and at most {@link #READS_PER_SECOND} reads a second
 * are, so that one reader can never fill the pipeline that every lane shares.
 */
final class LlrpTagFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LlrpTagFilter.class);

    private final LlrpReaderSetting setting;
    private final String laneId;
    private final DeviceMetrics metrics;
    static final long REPEAT_MILLIS = 1_000;
    static final int READS_PER_SECOND = 20;
    private String lastEpc;
    private long lastEpcNanos;
    private long secondStartNanos;
    private int readsThisSecond;

    LlrpTagFilter(LlrpReaderSetting setting, String laneId, DeviceMetrics metrics) {
        this.setting = setting;
        this.laneId = laneId;
        this.metrics = metrics;
    }

    boolean isLaneRead(TagReport tag) {
        if (tag.epc().length() < 8 || tag.epc().length() > 124) {
            metrics.error("bad_epc");
            LOG.warn(
                    "LLRP reader of lane {}: refused an EPC of {} hex digits",
                    laneId,
                    tag.epc().length());
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
        return passes(tag.epc(), System.nanoTime());
    }

    /** The same tag again at once is a repeat; beyond the reads a lane can have in a second, a flood. */
    boolean passes(String epc, long nowNanos) {
        if (epc.equals(lastEpc) && nowNanos - lastEpcNanos < REPEAT_MILLIS * 1_000_000) {
            metrics.count("seamless_reader_tags", "repeat");
            return false;
        }
        // nanoTime's origin is arbitrary (it may be negative): the first read starts the first second.
        if (readsThisSecond == 0 || nowNanos - secondStartNanos >= 1_000_000_000L) {
            secondStartNanos = nowNanos;
            readsThisSecond = 0;
        }
        if (++readsThisSecond > READS_PER_SECOND) {
            metrics.count("seamless_reader_tags", "flood");
            if (readsThisSecond == READS_PER_SECOND + 1) {
                LOG.warn(
                        "LLRP reader of lane {}: more than {} tags a second; the rest of this second is dropped",
                        laneId,
                        READS_PER_SECOND);
            }
            return false;
        }
        lastEpc = epc;
        lastEpcNanos = nowNanos;
        return true;
    }
}
