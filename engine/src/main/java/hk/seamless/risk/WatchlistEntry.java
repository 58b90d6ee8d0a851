package hk.seamless.risk;

import java.time.Instant;

/**
 * One entry of the watch list, as kept in the registry store {@code WATCHLIST} under its id.
 *
 * @param value   the canonical form compared at the lane: {@link hk.seamless.trade.VehicleMark#value()} for a
 *                vehicle, {@link PartyNames#canonical(CharSequence)} for a party
 * @param display what the supervisor typed, trimmed: for people to read, never compared
 * @param addedBy the account id of the supervisor who added it
 */
public record WatchlistEntry(
        String id, WatchlistKind kind, String value, String display, String addedBy, Instant addedAt) {

    /** The lane side's key for this entry: {@code KIND|canonical value}. */
    public String laneKey() {
        return laneKey(kind, value);
    }

    public static String laneKey(WatchlistKind kind, String canonicalValue) {
        return kind.name() + "|" + canonicalValue;
    }
}
