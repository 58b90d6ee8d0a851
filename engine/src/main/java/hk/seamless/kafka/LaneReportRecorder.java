package hk.seamless.kafka;

import hk.seamless.feed.FeedCodec;
import hk.seamless.feed.FeedCodec.FeedFormatException;
import hk.seamless.feed.LaneReport;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StoreName;
import hk.seamless.store.Transaction;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.Crossing;
import hk.seamless.trade.Crossings;
import hk.seamless.trade.VehicleMark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role registry: records what the lane engines report, one registry transaction each:
 * a RELEASE of a bundle is its crossing ({@link Crossings}: a second RELEASE of the same bundle
 * by another arrival is a suspected clone), and every decision and override is in the audit trail.
 *
 * <p><b>Once.</b> Per lane engine the registry keeps, in the same transaction, the last lane log
 * entry it recorded ({@code RECORDED_REPORTS}); a report at or before it is skipped. Offsets are
 * committed to Kafka only after the transaction is durable; a rebalance, a broker restart or a
 * crash in between delivers the batch again, and it is skipped. So each report is recorded
 * exactly once, whatever Kafka does.
 */
public final class LaneReportRecorder extends KafkaLink {

    private static final Logger LOG = LoggerFactory.getLogger(LaneReportRecorder.class);
    static final String GROUP = "seamless-registry";
    static final String LANE_DECISION = "LANE_DECISION";
    static final String LANE_OVERRIDE = "LANE_OVERRIDE";

    private final RegistryWriter writer;
    private final String instanceId;
    private final Crossings crossings;
    private volatile long recorded;

    /** @param engineId this registry's {@link EngineIdentity}: the same after every restart on its data folder */
    public LaneReportRecorder(KafkaClients clients, RegistryWriter writer, Crossings crossings, String engineId) {
        super(clients, "seamless-lane-report-recorder");
        this.writer = writer;
        this.crossings = crossings;
        this.instanceId = GROUP + "-" + engineId;
    }

    /**
     * The consumer the registry reads the reports with: a static member of {@link #GROUP}.
     *
     * <p>Why static: as a dynamic member, a registry killed (kill -9, OOM, node lost) leaves its
     * member in the group until its session times out (45 s), and the restarted registry's join
     * waits for that rebalance: no report recorded meanwhile. A static member is known by its
     * {@code group.instance.id}, the same after a restart on the same data folder, so the
     * coordinator hands the returning registry the partitions at once, replacing the old member
     * without a rebalance (a shorter session timeout would only shorten the wait, and make a slow
     * registry lose its partitions). Kept over manual assignment because the group still keeps the
     * committed offsets and the partitions follow the topic's. A static member sends no leave on a
     * clean stop either: nothing waits for a rebalance while it closes. The lane engines' feed
     * subscriber has no group (it assigns its one partition itself), so a lane engine's kill -9
     * leaves nothing behind.
     */
    static KafkaConsumer<String, byte[]> consumer(KafkaClients clients, String instanceId) {
        KafkaConsumer<String, byte[]> consumer = clients.consumer("seamless-registry-reports", GROUP, instanceId);
        consumer.subscribe(List.of(clients.topology().laneReportsTopic()));
        return consumer;
    }

    /** Reports recorded since this process started. */
    public long recorded() {
        return recorded;
    }

    @Override
    protected void session() throws InterruptedException, ExecutionException, TimeoutException {
        KafkaConsumer<String, byte[]> consumer = consumer(clients, instanceId);
        try {
            while (running()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(250));
                if (!records.isEmpty()) {
                    record(records);
                    consumer.commitSync();
                }
                working();
            }
        } finally {
            KafkaClients.close(consumer);
        }
    }

    @Override
    protected String failing() {
        return "Could not record the lane engines' reports";
    }

    private void record(ConsumerRecords<String, byte[]> records)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<LaneReport> reports = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                reports.add(FeedCodec.readReport(record.value()));
            } catch (FeedFormatException e) {
                // Kept out of the transaction, said and skipped: one bad record must not stop the rest.
                LOG.error(
                        "A lane report could not be read (topic {}, partition {}, offset {}); skipped: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        e.getMessage());
            }
        }
        // One registry change per report, so that the audit trail finds each on its own (a filter
        // on a bundle returns the changes naming it); the writer still forces many with one fsync.
        List<CompletableFuture<Boolean>> done = new ArrayList<>(reports.size());
        for (LaneReport report : reports) {
            done.add(writer.submit(
                    "lane " + report.lane(),
                    "kafka " + clients.topology().laneReportsTopic() + " from lane engine " + report.controlPoint(),
                    tx -> record(tx, report)));
        }
        for (CompletableFuture<Boolean> one : done) {
            if (one.get(1, TimeUnit.MINUTES)) {
                recorded++;
            }
        }
    }

    /**
     * What a lane engine's decision or override is about, for the audit trail's filters: the lane,
     * the vehicle, the bundle and its CCRNs. The change writes none of them (a decision is kept
     * only in the lane engine's own log), so without these an INSPECT or a REFER would be found at
     * the registry by its arrival alone, while the README says each filter finds every entry naming it.
     */
    private static List<String> names(Transaction tx, LaneReport report) {
        List<String> names = new ArrayList<>();
        if (report.lane() != null) {
            names.add(report.lane());
        }
        if (report.vehicleMark() != null) {
            names.add(VehicleMark.canonical(report.vehicleMark()));
        }
        if (report.bundleId() != null) {
            names.add(report.bundleId());
            Bundle bundle = tx.get(StoreName.BUNDLES, report.bundleId(), Bundle.class);
            if (bundle != null) {
                names.addAll(bundle.ccrns());
            }
        }
        return names;
    }

    /** @return false for a report recorded before (delivered twice) */
    private boolean record(Transaction tx, LaneReport report) {
        String engineKey = report.controlPoint() + "/" + report.engine();
        String last = tx.get(StoreName.RECORDED_REPORTS, engineKey);
        if (last != null && Long.parseLong(last) >= report.laneSequence()) {
            return false;
        }
        tx.put(StoreName.RECORDED_REPORTS, engineKey, Long.toString(report.laneSequence()));
        tx.audit(
                report.kind() == LaneReport.Kind.DECIDED ? LANE_DECISION : LANE_OVERRIDE,
                report.arrivalId(),
                report.decision() + " " + (report.vehicleMark() == null ? "(no plate)" : report.vehicleMark())
                        + " at " + report.lane() + (report.bundleId() == null ? "" : ", bundle " + report.bundleId())
                        + (report.reasons().isEmpty() ? "" : ", " + String.join(" ", report.reasons())),
                names(tx, report));
        if (report.isCrossing()) {
            crossings.record(
                    tx,
                    report.bundleId(),
                    new Crossing(report.controlPoint(), report.lane(), report.arrivalId(), report.at()));
        }
        return true;
    }
}
