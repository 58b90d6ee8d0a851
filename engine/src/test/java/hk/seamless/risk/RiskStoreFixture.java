package hk.seamless.risk;

import hk.seamless.config.ControlPoint;
import hk.seamless.config.HongKongControlPoints;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.lane.LaneView;
import hk.seamless.registryfeed.LaneFeed;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StoreSizes;
import hk.seamless.store.Transaction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Real Chronicle stores in a temporary folder, a real registry writer, and the risk view fed by the lane feed. */
final class RiskStoreFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);
    static final List<ControlPoint> CONTROL_POINTS = HongKongControlPoints.defaults(0.03);

    final Path dir;
    final ChronicleStores stores;
    final RiskView view;
    final LaneFeedConsumer consumer;
    final LaneFeed feed;
    final RegistryWriter writer;
    final List<RegistryChange> heard = new CopyOnWriteArrayList<>();
    final Watchlist watchlist;
    final RandomRates rates;

    RiskStoreFixture(Path dir) {
        this.dir = dir;
        this.stores = ChronicleStores.open(dir, StoreSizes.forDailyConsignments(100));
        this.view = new RiskView(stores, CONTROL_POINTS);
        this.consumer = new LaneFeedConsumer(stores, new LaneView(stores), view);
        this.feed = new LaneFeed(stores, consumer);
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
                List.of(feed, heard::add),
                hk.seamless.store.RegistryCheckpoints.Policy.defaults(),
                () -> java.util.Map.of(LaneFeed.CHECKPOINT_MARK, feed.sequence()));
        this.watchlist = new Watchlist(stores);
        this.rates = new RandomRates(stores, CONTROL_POINTS);
    }

    /** Runs a command as the supervisor "S1" and waits for it; rethrows what the command threw. */
    <T> T run(Function<Transaction, T> command) {
        try {
            return writer.submit("S1", command).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        writer.close();
        stores.close();
    }
}
