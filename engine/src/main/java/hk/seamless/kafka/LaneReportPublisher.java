package hk.seamless.kafka;

import hk.seamless.feed.FeedCodec;
import hk.seamless.feed.LaneReport;
import hk.seamless.log.DurableFile;
import hk.seamless.log.LogEntry;
import hk.seamless.log.SegmentedLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Role lane: reports the lane's decisions and overrides to the registry over Kafka, from the lane
 * log, which is the outbox: every decision is in it before anyone but the gate hears of it, it
 * survives {@code kill -9}, and it is read on from the last entry Kafka acknowledged (kept in
 * {@code lane-reports.properties}). Cut off, the reports wait in the log; back, they go in order.
 * A report may be sent twice (acknowledged, then the process killed before the mark was kept):
 * the registry records each lane log entry of each engine once.
 */
public final class LaneReportPublisher extends KafkaLink {

    private static final int BATCH = 500;
    private static final String PUBLISHED = "published";

    private final SegmentedLog laneLog;
    private final Path markFile;
    private final String engine;
    private volatile long published;

    /** @param engine this lane engine's identity ({@link EngineIdentity}) */
    public LaneReportPublisher(KafkaClients clients, SegmentedLog laneLog, Path dataDir, String engine) {
        super(clients, "seamless-lane-reports");
        this.laneLog = laneLog;
        this.markFile = markFile(dataDir);
        this.engine = engine;
        this.published = reportedUpTo(dataDir);
    }

    private static Path markFile(Path dataDir) {
        return dataDir.resolve("lane-reports.properties");
    }

    /** The last lane log entry Kafka acknowledged, as kept in the data folder (0: none yet). */
    public static long reportedUpTo(Path dataDir) {
        Properties mark = DurableFile.read(markFile(dataDir));
        return mark == null ? 0 : Long.parseLong(mark.getProperty(PUBLISHED, "0"));
    }

    /** Lane log entries not yet acknowledged by Kafka (not all are reports: acks and reads are skipped). */
    public long waiting() {
        return Math.max(0, laneLog.lastSequence() - published);
    }

    @Override
    protected void session() throws InterruptedException, ExecutionException {
        KafkaProducer<String, byte[]> producer =
                clients.producer("seamless-lane-reports-" + clients.topology().controlPoint());
        try {
            while (running()) {
                if (!sendBatch(producer)) {
                    Thread.sleep(50);
                }
                working();
            }
        } finally {
            KafkaClients.close(producer);
        }
    }

    @Override
    protected String failing() {
        return "Could not report the lanes' decisions to the registry over Kafka (they wait in the lane log)";
    }

    /** @return whether there was anything to send */
    private boolean sendBatch(KafkaProducer<String, byte[]> producer) throws InterruptedException, ExecutionException {
        if (laneLog.lastSequence() <= published) {
            return false;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        long last = published;
        try (Stream<LogEntry> entries = laneLog.reader().forward(published + 1)) {
            Iterator<LogEntry> it = entries.limit(BATCH).iterator();
            while (it.hasNext()) {
                LogEntry entry = it.next();
                LaneReport report = LaneReports.of(engine, entry);
                if (report != null) {
                    sent.add(producer.send(new ProducerRecord<>(
                            clients.topology().laneReportsTopic(),
                            report.controlPoint(),
                            FeedCodec.writeReport(report))));
                }
                last = entry.sequence();
            }
        }
        producer.flush();
        for (Future<RecordMetadata> acknowledged : sent) {
            acknowledged.get();
        }
        keep(last);
        return true;
    }

    private void keep(long sequence) {
        Properties mark = new Properties();
        mark.setProperty(PUBLISHED, Long.toString(sequence));
        try {
            DurableFile.write(markFile, mark);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the lane reports' mark in " + markFile, e);
        }
        published = sequence;
    }
}
