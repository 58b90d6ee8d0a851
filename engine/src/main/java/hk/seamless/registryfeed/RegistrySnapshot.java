package hk.seamless.registryfeed;

import hk.seamless.feed.LaneChange;
import hk.seamless.risk.WatchlistEntry;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.trade.Account;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.Vehicle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The registry's records as the lane changes that rebuild a lane view from nothing: what a lane
 * view that missed changes, failed to apply one, or keeps an older layout is rebuilt from. Read
 * on the registry writer thread (or before it runs), so the records are those of one moment.
 *
 * <p>Order matters to a lane deciding while the view is rebuilt: what a bundle is checked against
 * (suspensions, the watch list, vehicles, consignments) comes first and the bundles last, so a
 * bundle is never visible before its checks.
 */
final class RegistrySnapshot {

    private RegistrySnapshot() {}

    /** @return how many lane changes were streamed */
    static long stream(Stores stores, Consumer<LaneChange> sink) {
        long[] n = {0};
        Consumer<LaneChange> counted = change -> {
            sink.accept(change);
            n[0]++;
        };
        List<LaneChange> buffer = new ArrayList<>(1);
        stores.store(StoreName.ACCOUNTS).forEach((id, json) -> {
            LaneChangeProjection.account(JsonCodec.read(json, Account.class), buffer);
            buffer.stream()
                    .filter(c -> c instanceof LaneChange.AccountSuspended)
                    .forEach(counted);
            buffer.clear();
        });
        stores.store(StoreName.WATCHLIST)
                .forEach((id, json) ->
                        counted.accept(LaneChangeProjection.watchEntry(JsonCodec.read(json, WatchlistEntry.class))));
        stores.store(StoreName.RANDOM_RATES)
                .forEach((controlPoint, rate) ->
                        counted.accept(new LaneChange.RandomRateChanged(controlPoint, Double.valueOf(rate))));
        stores.store(StoreName.VEHICLES)
                .forEach((mark, json) ->
                        counted.accept(LaneChangeProjection.vehicle(JsonCodec.read(json, Vehicle.class))));
        stores.store(StoreName.CONSIGNMENTS).forEach((ccrn, json) -> {
            Consignment c = JsonCodec.read(json, Consignment.class);
            if (c.status() == ConsignmentStatus.BUNDLED) {
                counted.accept(LaneChangeProjection.bundled(c));
            }
        });
        stores.store(StoreName.BUNDLES).forEach((id, json) -> {
            Bundle bundle = JsonCodec.read(json, Bundle.class);
            if (bundle.status() == BundleStatus.ACTIVE) {
                LaneChangeProjection.bundle(bundle, buffer);
                buffer.forEach(counted);
                buffer.clear();
            }
        });
        return n[0];
    }
}
