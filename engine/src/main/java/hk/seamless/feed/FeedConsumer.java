package hk.seamless.feed;

/**
 * A lane-side consumer of the feed: it applies entries in sequence order, and rebuilds from a
 * snapshot when it cannot (a gap, a failure, a change the producer could not project).
 */
public interface FeedConsumer {

    /** The next entry, in order; one already applied is skipped, a gap makes the consumer rebuild. */
    void accept(FeedEntry entry);

    /**
     * The producer lost track of what the consumer holds (it could not turn a registry change into
     * lane changes): the consumer must rebuild from {@code source}'s snapshot.
     */
    void resynchronise(FeedSource source, String reason);
}
