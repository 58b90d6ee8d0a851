package hk.seamless.engine;

import hk.seamless.config.EngineConfig;
import hk.seamless.http.IdempotentWrites;
import hk.seamless.log.LogReader;
import hk.seamless.log.SegmentedLog;
import hk.seamless.registryfeed.FeedOutbox;
import hk.seamless.registryfeed.LaneFeed;
import hk.seamless.risk.BundlingRiskAssessment;
import hk.seamless.risk.WatchlistIndex;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryChangeListener;
import hk.seamless.store.RegistryCheckpoints;
import hk.seamless.store.RegistryWriter;
import hk.seamless.trade.AccountCredentials;
import hk.seamless.trade.Accounts;
import hk.seamless.trade.Archive;
import hk.seamless.trade.Bundles;
import hk.seamless.trade.CargoInformationReader;
import hk.seamless.trade.CcrnGenerator;
import hk.seamless.trade.Consignments;
import hk.seamless.trade.FailedAttemptLimiter;
import hk.seamless.trade.LodgementWindow;
import hk.seamless.trade.PendingRegistrations;
import hk.seamless.trade.TradeRegistry;
import hk.seamless.trade.Vehicles;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's parts as a start assembles them once its log is open: the one writer, the archive
 * that reads moved records back from the log, the trade registry with the rule settings in force,
 * and the accounts the configuration asks for.
 */
final class RegistryStart {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryStart.class);

    private RegistryStart() {}

    /**
     * The registry's one writer: the feed's listeners, then the count of pending registrations, see
     * each change; a checkpoint keeps the lane feed's number beside the registry's.
     */
    static RegistryWriter writer(
            EngineConfig config,
            ChronicleStores stores,
            SegmentedLog registryLog,
            Clock clock,
            List<RegistryChangeListener> listeners,
            PendingRegistrations pendingRegistrations,
            LaneFeed laneFeed,
            FeedOutbox feedOutbox) {
        return new RegistryWriter(
                stores,
                registryLog,
                clock,
                Stream.concat(listeners.stream(), Stream.of(pendingRegistrations))
                        .toList(),
                new RegistryCheckpoints.Policy(
                        config.log().checkpointInterval(), config.log().checkpointChanges()),
                () -> {
                    // The outbox never holds less than the checkpoint says the feed issued: a start
                    // replays only what comes after it.
                    if (feedOutbox != null) {
                        feedOutbox.checkpoint();
                    }
                    return Map.of(LaneFeed.CHECKPOINT_MARK, laneFeed.sequence());
                });
    }

    /** The archive reads a moved record's history back from the registry's log. */
    static Archive archive(ChronicleStores stores, SegmentedLog registryLog) {
        LogReader registryLogReader = registryLog.reader();
        return new Archive(
                stores,
                sequence -> registryLogReader
                        .read(sequence)
                        .map(entry -> JsonCodec.read(entry.payload(), RegistryChange.class)));
    }

    /** The trade registry under the configured rule settings (lodgement window, bundling lead, limits). */
    static TradeRegistry registry(
            EngineConfig config,
            ChronicleStores stores,
            RegistryWriter writer,
            Clock clock,
            WatchlistIndex watchlist,
            Archive archive) {
        LodgementWindow window = LodgementWindow.hongKong(config.rules().lodgementWindow());
        CcrnGenerator ccrns = new CcrnGenerator(new SecureRandom(), clock);
        FailedAttemptLimiter limiter = new FailedAttemptLimiter(
                config.accounts().failedBundlingLimit(), config.accounts().failedBundlingPeriod());
        return new TradeRegistry(
                writer,
                new Accounts(stores),
                new Vehicles(stores),
                new Consignments(stores, ccrns, window, archive),
                new Bundles(
                        stores,
                        window,
                        config.rules().bundlingLead(),
                        limiter,
                        new BundlingRiskAssessment(watchlist),
                        archive),
                new CargoInformationReader(window),
                clock);
    }

    /**
     * The configured admin exists; remembered answers keep no token in clear (older engines did).
     *
     * @return whether the admin's token was issued now, revoking the ones before it
     */
    static boolean settleAccounts(ChronicleStores stores, RegistryWriter writer, String adminToken) {
        boolean issued = StartStep.await(
                writer.submit("configuration", tx -> new AccountCredentials(stores).ensureAdmin(tx, adminToken)));
        int cleared = StartStep.await(
                writer.submit("configuration", tx -> IdempotentWrites.forgetRememberedSecrets(stores, tx)));
        if (cleared > 0) {
            LOG.warn(
                    "{} remembered answers held a token in clear (an older engine kept them); they are cleared now, but"
                            + " the journal before this start still holds them: rotate the tokens issued before the upgrade",
                    cleared);
        }
        return issued;
    }
}
