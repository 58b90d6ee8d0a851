package hk.seamless.lane;

import hk.seamless.config.ControlPoint;
import hk.seamless.config.Direction;
import hk.seamless.config.HongKongControlPoints;
import hk.seamless.feed.FeedConsumer;
import hk.seamless.feed.FeedEntry;
import hk.seamless.feed.FeedSource;
import hk.seamless.registryfeed.LaneFeed;
import hk.seamless.risk.RiskView;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.Transaction;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.PackagedCargo;
import hk.seamless.trade.Party;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Real Chronicle stores in a folder, a real registry writer and journal, and the lane side fed as
 * the engine feeds it: the journal read again at each start numbers the feed and catches the
 * consumer up, then the writer hands it every committed change.
 */
final class LaneFeedFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);
    static final List<ControlPoint> CONTROL_POINTS = HongKongControlPoints.defaults(0.03);

    final ChronicleStores stores;
    final LaneView lane;
    final RiskView risk;
    final LaneFeedConsumer consumer;
    final LaneFeed feed;
    final RegistryWriter writer;
    /** Every entry the feed issued since this start, in order (those read again from the journal too). */
    final List<FeedEntry> entries = new CopyOnWriteArrayList<>();

    LaneFeedFixture(Path dir) {
        this.stores = ChronicleStores.open(dir, hk.seamless.store.StoreSizes.forDailyConsignments(100));
        this.lane = new LaneView(stores);
        this.risk = new RiskView(stores, CONTROL_POINTS);
        this.consumer = new LaneFeedConsumer(stores, lane, risk);
        this.feed = new LaneFeed(stores, new FeedConsumer() {
            @Override
            public void accept(FeedEntry entry) {
                entries.add(entry);
                consumer.accept(entry);
            }

            @Override
            public void resynchronise(FeedSource source, String reason) {
                consumer.resynchronise(source, reason);
            }
        });
        // As the engine starts: the feed numbers on from the checkpoint's mark, the log past the
        // checkpoint is read again, and the view catches up.
        hk.seamless.log.Checkpoint checkpoint = hk.seamless.log.Checkpoint.read(dir.resolve("log"));
        feed.resumeAt(checkpoint == null ? 0 : checkpoint.marks().getOrDefault(LaneFeed.CHECKPOINT_MARK, 0L));
        hk.seamless.store.RegistryReplay replay = new hk.seamless.store.RegistryReplay(stores, List.of(feed));
        hk.seamless.log.SegmentedLog log = hk.seamless.log.SegmentedLog.open(
                dir.resolve("log"), hk.seamless.config.LogSettings.defaults(), CLOCK, e -> replay.accept(e.payload()));
        replay.close();
        consumer.finishStart(feed);
        this.writer = new RegistryWriter(
                stores,
                log,
                CLOCK,
                List.of(feed),
                hk.seamless.store.RegistryCheckpoints.Policy.defaults(),
                () -> java.util.Map.of(LaneFeed.CHECKPOINT_MARK, feed.sequence()));
    }

    /** Runs a command on the writer thread and waits until it is durable; rethrows what it threw. */
    <T> T run(Function<Transaction, T> command) {
        try {
            return writer.submit("test", command).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Bundle bundle(String id, String mark, BundleStatus status, String... ccrns) {
        return new Bundle(
                id,
                "Atrucker",
                mark,
                mark,
                Direction.IMPORT,
                List.of(ccrns),
                false,
                status,
                CLOCK.instant(),
                CLOCK.instant().plusSeconds(3600),
                null,
                List.of("WATCHLIST"),
                null);
    }

    static Consignment consignment(String ccrn, ConsignmentStatus status, String bundleId) {
        CargoInformation cargo = new CargoInformation(
                Direction.IMPORT,
                LocalDate.parse("2026-11-27"),
                new Party("Acme Trading Co., Ltd.", "1 Nathan Road"),
                new Party("深圳市華強電子有限公司", "Futian"),
                new PackagedCargo("Cartons", 10, "Mobile phones"),
                null);
        return new Consignment(ccrn, "Ashipper", 1, status, cargo, CLOCK.instant(), CLOCK.instant(), bundleId);
    }

    @Override
    public void close() {
        writer.close();
        stores.close();
    }
}
