package hk.seamless.kafka;

import hk.seamless.feed.FeedCodec;
import hk.seamless.feed.FeedEntry;
import hk.seamless.feed.LaneChange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The feed topic's records. An entry: its {@link FeedCodec} bytes, keyed by the vehicle it is
 * about (all changes of one vehicle stay in order wherever they go). Records are stamped by the
 * producer's wall clock, never the rules' clock: a broker refuses times far from its own, and a
 * lane engine finds where a snapshot's tail starts by that time. A heartbeat: no value, the sequence the registry has published up to in a
 * header: how a lane engine tells a quiet registry from one it cannot hear.
 */
final class FeedRecords {

    static final String KIND = "seamless-kind";
    static final String SEQUENCE = "seamless-sequence";
    static final String ENTRY = "entry";
    static final String HEARTBEAT = "heartbeat";

    private FeedRecords() {}

    static ProducerRecord<String, byte[]> entry(String topic, FeedEntry entry) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KIND, ENTRY.getBytes(StandardCharsets.US_ASCII));
        headers.add(SEQUENCE, longBytes(entry.sequence()));
        return new ProducerRecord<>(topic, 0, null, key(entry), FeedCodec.write(entry), headers);
    }

    static ProducerRecord<String, byte[]> heartbeat(String topic, long publishedUpTo) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KIND, HEARTBEAT.getBytes(StandardCharsets.US_ASCII));
        headers.add(SEQUENCE, longBytes(publishedUpTo));
        return new ProducerRecord<>(topic, 0, null, HEARTBEAT, null, headers);
    }

    static boolean isHeartbeat(ConsumerRecord<String, byte[]> record) {
        Header kind = record.headers().lastHeader(KIND);
        return kind != null && HEARTBEAT.equals(new String(kind.value(), StandardCharsets.US_ASCII));
    }

    /** The feed sequence a record carries: its entry's, or the one a heartbeat says was published. */
    static long sequence(ConsumerRecord<String, byte[]> record) {
        Header sequence = record.headers().lastHeader(SEQUENCE);
        if (sequence != null && sequence.value().length == Long.BYTES) {
            return ByteBuffer.wrap(sequence.value()).getLong();
        }
        return FeedCodec.read(record.value()).sequence();
    }

    /** The vehicle the entry is about, or the kind of change for those about no vehicle (a rate, a list). */
    private static String key(FeedEntry entry) {
        LaneChange first = entry.changes().get(0);
        if (first instanceof LaneChange.BundleActivated b) {
            return b.vehicleMark();
        }
        if (first instanceof LaneChange.BundleEnded b) {
            return b.vehicleMark();
        }
        if (first instanceof LaneChange.VehicleRegistered v) {
            return v.mark();
        }
        return first.getClass().getSimpleName();
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}
