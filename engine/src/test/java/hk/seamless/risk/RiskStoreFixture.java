package hk.seamless.risk;

import hk.seamless.config.ControlPoint;
import hk.seamless.config.HongKongControlPoints;
import hk.seamless.store.ChronicleStores;
import hk.seamless.log.LogSettings;
import hk.seamless.log.SegmentedLog;
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

/** Real Chronicle stores in a temporary folder, a real registry writer, and the risk view listening. */
final class RiskStoreFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);
    static final List<ControlPoint> CONTROL_POINTS = HongKongControlPoints.defaults(0.03);

    final Path dir;
    final ChronicleStores stores;
    final RiskView view;
    final RegistryWriter writer;
    final List<RegistryChange> heard = new CopyOnWriteArrayList<>();
    final Watchlist watchlist;
    final RandomRates rates;

    RiskStoreFixture(Path dir) {
        this.dir = dir;
        this.stores = ChronicleStores.open(dir, 1_000);
        this.view = new RiskView(stores, CONTROL_POINTS);
        this.writer = new RegistryWriter(stores, SegmentedLog.open(dir.resolve("log"), LogSettings.defaults(), CLOCK, e -> { }), CLOCK,
                List.of(view, heard::add));
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
