package hk.seamless.risk;

import hk.seamless.config.ControlPoint;
import hk.seamless.config.HongKongControlPoints;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.lane.LaneView;
import hk.seamless.registryfeed.CommittedChanges;
import hk.seamless.registryfeed.LaneFeed;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.StoreSizes;
import hk.seamless.store.Journal;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryWriter;
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
        // As the engine starts: the journal read again numbers the feed and catches the view up.
        CommittedChanges following = new CommittedChanges(feed);
        Journal journal = Journal.open(dir.resolve("journal"), true, following);
        following.close();
        consumer.finishStart(feed);
        this.writer = new RegistryWriter(stores, journal, CLOCK, List.of(feed, heard::add));
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
