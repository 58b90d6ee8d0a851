package hk.seamless.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The lane changes of one committed registry change, numbered. {@code sequence} is gap-free over
 * feed entries (1, 2, 3 ...): a registry change with nothing for the lane side takes no number,
 * so a consumer that sees {@code sequence > applied + 1} knows it missed one.
 *
 * @param registrySequence the journal entry it came from (for people tracing it; not gap-free here)
 * @param at               when the registry committed it
 */
public record FeedEntry(long sequence, long registrySequence, Instant at, List<LaneChange> changes) {

    public FeedEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("a feed entry's sequence starts at 1, not " + sequence);
        }
        Objects.requireNonNull(at, "at");
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a feed entry carries at least one lane change");
        }
    }
}
