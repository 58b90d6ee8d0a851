package hk.seamless.risk;

import hk.seamless.access.Tokens;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import hk.seamless.trade.JsonFields;
import hk.seamless.trade.VehicleMark;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The watch list, registry side: supervisors add and remove vehicles and parties; an arrival whose
 * vehicle, consignor or consignee is on it is inspected (reason WATCHLIST). Entries live in the
 * store {@code WATCHLIST} by id; the lane side learns of them from the change stream
 * ({@link RiskView}). The write methods run on the registry writer inside a {@link Transaction};
 * the look-ups read the store from any thread.
 */
public final class Watchlist {

    /** How long a value may be, in characters as entered and once made canonical. */
    public static final int MAX_VALUE = 200;

    private static final Set<String> FIELDS = Set.of("kind", "value");

    private final Stores stores;

    public Watchlist(Stores stores) {
        this.stores = stores;
    }

    /** A checked request to add an entry: its canonical value and what was typed (trimmed). */
    public record Addition(WatchlistKind kind, String value, String display) {}

    /** Reads {@code {kind, value}}, reporting every problem by field name. */
    public static Addition read(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", FIELDS);
        WatchlistKind kind = f.enumValue(body, "kind", "kind", WatchlistKind.class);
        String display = f.text(body, "value", "value", MAX_VALUE, true);
        String value = null;
        if (kind != null && display != null) {
            value = canonical(kind, display, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Addition(kind, value, display);
    }

    private static String canonical(WatchlistKind kind, String display, List<FieldError> errors) {
        switch (kind) {
            case VEHICLE -> {
                try {
                    return VehicleMark.parse(display, "value").value();
                } catch (InvalidInputException e) {
                    errors.addAll(e.errors());
                    return null;
                }
            }
            case PARTY, GOODS -> {
                String name = PartyNames.canonical(display);
                if (name.isEmpty()) {
                    errors.add(new FieldError("value", "must contain a letter, a digit or a Chinese character"));
                    return null;
                }
                // NFKC can expand a character (a ligature, a squared word) into several.
                if (name.codePointCount(0, name.length()) > MAX_VALUE) {
                    errors.add(new FieldError("value", "must be at most " + MAX_VALUE + " characters once normalised"));
                    return null;
                }
                return name;
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    public WatchlistEntry add(Transaction tx, Addition addition) {
        Optional<WatchlistEntry> existing = find(addition.kind(), addition.value());
        if (existing.isPresent()) {
            throw RuleViolation.conflict(addition.kind() + " " + addition.value()
                    + " is already on the watch list as entry " + existing.get().id());
        }
        WatchlistEntry entry = new WatchlistEntry(
                Tokens.newId("W"), addition.kind(), addition.value(), addition.display(), tx.actor(), tx.now());
        tx.put(StoreName.WATCHLIST, entry.id(), entry);
        tx.audit("WATCHLIST_ADDED", entry.id(), entry.kind() + " " + entry.value());
        return entry;
    }

    public WatchlistEntry remove(Transaction tx, String entryId) {
        WatchlistEntry entry = entryId == null ? null : tx.get(StoreName.WATCHLIST, entryId, WatchlistEntry.class);
        if (entry == null) {
            throw RuleViolation.notFound("no watch-list entry " + entryId);
        }
        tx.remove(StoreName.WATCHLIST, entry.id());
        tx.audit("WATCHLIST_REMOVED", entry.id(), entry.kind() + " " + entry.value());
        return entry;
    }

    // ---- look-ups, from any thread ----

    public Optional<WatchlistEntry> find(String entryId) {
        String json = entryId == null ? null : stores.store(StoreName.WATCHLIST).get(entryId);
        return Optional.ofNullable(json).map(j -> JsonCodec.read(j, WatchlistEntry.class));
    }

    /**
     * The entry for this kind and canonical value, if any. A scan of the store (the watch list is
     * short, and adding to it rare): the raw JSON is only decoded when it contains the value.
     */
    public Optional<WatchlistEntry> find(WatchlistKind kind, String canonicalValue) {
        WatchlistEntry[] found = {null};
        stores.store(StoreName.WATCHLIST).forEach((id, json) -> {
            if (found[0] == null && json.contains(canonicalValue)) {
                WatchlistEntry e = JsonCodec.read(json, WatchlistEntry.class);
                if (e.kind() == kind && e.value().equals(canonicalValue)) {
                    found[0] = e;
                }
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /** Every entry, oldest first. A scan: call it from a worker thread. */
    public List<WatchlistEntry> all() {
        List<WatchlistEntry> result = new ArrayList<>();
        stores.store(StoreName.WATCHLIST).forEach((id, json) -> result.add(JsonCodec.read(json, WatchlistEntry.class)));
        result.sort(Comparator.comparing(WatchlistEntry::addedAt).thenComparing(WatchlistEntry::id));
        return result;
    }
}
