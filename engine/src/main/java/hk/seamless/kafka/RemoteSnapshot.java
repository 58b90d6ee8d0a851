package hk.seamless.kafka;

import hk.seamless.feed.FeedCodec;
import hk.seamless.feed.FeedSource;
import hk.seamless.feed.LaneChange;
import hk.seamless.feed.SnapshotLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Role lane: the registry's state fetched over HTTP ({@code GET /api/v1/feed/snapshot}) when the
 * lane views must be rebuilt (a new data folder, a gap in the feed, a stale view). The snapshot
 * says the feed sequence it is at least as recent as, and when it was taken; the feed's entries
 * after that sequence are then read from the topic, from a little before that time.
 *
 * <p>Why a snapshot plus the tail, not a compacted topic: the feed is one gap-free sequence the
 * lane checks entry by entry, which compaction would break; and a snapshot is the registry's own
 * records, so a lane rebuilt from it is exactly what the registry holds, whatever the topic's
 * retention.
 */
public final class RemoteSnapshot implements FeedSource {

    public static final String PATH = "/api/v1/feed/snapshot";

    private final URI url;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile long sequence;
    private volatile Instant takenAt = Instant.EPOCH;

    public RemoteSnapshot(URI registryUrl, String feedToken) {
        this.url = URI.create(registryUrl + PATH);
        this.token = feedToken;
    }

    /** The sequence of the last snapshot fetched (the topic's position is the subscriber's). */
    @Override
    public long sequence() {
        return sequence;
    }

    /** When the registry took the last snapshot fetched: the topic is read again from a little before. */
    public Instant takenAt() {
        return takenAt;
    }

    /** @throws IllegalStateException naming what went wrong (the registry away, a refusal) */
    @Override
    public long snapshot(Consumer<LaneChange> sink) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("the registry at " + url + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching the registry's snapshot", e);
        }
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the registry at " + url + " answered " + response.statusCode() + ": " + lines.readLine());
            }
            SnapshotLines.Head head = SnapshotLines.head(lines.readLine());
            long at = head.sequence();
            Instant taken = head.takenAt();
            long changes = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals(SnapshotLines.END)) {
                    sequence = at;
                    takenAt = taken;
                    return at;
                }
                sink.accept(FeedCodec.readChange(line));
                changes++;
            }
            throw new IllegalStateException(
                    "the registry's snapshot ended after " + changes + " changes without its end mark");
        } catch (IOException e) {
            throw new UncheckedIOException("the registry's snapshot could not be read whole", e);
        }
    }
}
