package hk.seamless.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes records that have outlived their use (expired sessions, old idempotency answers), so that
 * what callers leave behind does not grow a store for ever. The stores are scanned off the writer
 * (call {@link #run()} from a worker); the removals go through the writer a few hundred at a time,
 * each record checked again there, so the journal has them and other writes are not held up.
 */
public final class StalePurge {

    private static final Logger LOG = LoggerFactory.getLogger(StalePurge.class);
    private static final int REMOVALS_PER_COMMAND = 500;

    /**
     * What is stale in one store.
     *
     * @param stale given a record's value and the instant of the purge: whether it may go
     */
    public record Rule(StoreName store, String what, BiPredicate<String, Instant> stale) {}

    private final Stores stores;
    private final RegistryWriter writer;
    private final Clock clock;
    private final List<Rule> rules;

    public StalePurge(Stores stores, RegistryWriter writer, Clock clock, List<Rule> rules) {
        this.stores = stores;
        this.writer = writer;
        this.clock = clock;
        this.rules = List.copyOf(rules);
    }

    /** Scans every store with a rule (blocking) and completes with how many records were removed. */
    public CompletableFuture<Integer> run() {
        Instant now = clock.instant();
        List<CompletableFuture<Integer>> removals = new ArrayList<>();
        for (Rule rule : rules) {
            List<String> keys = new ArrayList<>();
            stores.store(rule.store()).forEach((key, value) -> {
                if (isStale(rule, value, now)) {
                    keys.add(key);
                }
            });
            for (int from = 0; from < keys.size(); from += REMOVALS_PER_COMMAND) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + REMOVALS_PER_COMMAND));
                removals.add(writer.submit("housekeeping", tx -> remove(tx, rule, chunk, now)));
            }
        }
        return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    int removed =
                            removals.stream().mapToInt(CompletableFuture::join).sum();
                    if (removed > 0) {
                        LOG.info("Purged {} stale records", removed);
                    }
                    return removed;
                });
    }

    private static int remove(Transaction tx, Rule rule, List<String> keys, Instant now) {
        int removed = 0;
        for (String key : keys) {
            String value = tx.get(rule.store(), key);
            // Checked again on the writer: the record may have been renewed since the scan.
            if (value != null && isStale(rule, value, now)) {
                tx.remove(rule.store(), key);
                removed++;
            }
        }
        if (removed > 0) {
            tx.audit("PURGED", rule.store().name().toLowerCase(), removed + " " + rule.what());
        }
        return removed;
    }

    private static boolean isStale(Rule rule, String value, Instant now) {
        try {
            return rule.stale().test(value, now);
        } catch (RuntimeException unreadable) {
            // A record the rule cannot read is kept: purging must never lose what it does not understand.
            return false;
        }
    }
}
