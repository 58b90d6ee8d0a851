package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;

import hk.seamless.config.EngineRole;
import hk.seamless.config.Topology;
import hk.seamless.feed.FeedCodec;
import hk.seamless.feed.SnapshotLines;
import hk.seamless.log.OwnerOnly;
import hk.seamless.registryfeed.LaneFeed;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * {@code GET /api/v1/feed/snapshot}: the registry's state as lane changes, for a lane engine that
 * rebuilds its views (role registry only; the lane engines present the feed token). One JSON
 * object a line: first {@code {"sequence", "takenAt"}}, then every lane change, then
 * {@code {"end":true}}, so a cut transfer is never taken for a whole one.
 *
 * <p>Written to a file off the event loop, then sent from it: a million bundles are a few hundred
 * megabytes, which neither the heap nor the writer thread should hold; and reading the maps never
 * waits for the network (a read that waited would hold a map segment's lock against the writer).
 * The head is sent at once; a snapshot that fails half-way closes the connection, so the caller
 * never sees the end mark and never takes it for whole. Read while the writer goes
 * on ({@link LaneFeed#fuzzySnapshot}): the lane engine reads the topic on from the sequence given.
 */
public final class FeedRoutes {

    private final Topology topology;
    private final LaneFeed feed;
    private final Path scratch;

    /**
     * @param dataDir snapshots are written to its {@code feed-snapshots} folder before they are
     *                sent; what a process stopped mid-way left there is deleted here, at the start
     */
    public FeedRoutes(Topology topology, LaneFeed feed, Path dataDir) {
        this.topology = topology;
        this.feed = feed;
        this.scratch = dataDir.resolve("feed-snapshots");
        if (topology.role() == EngineRole.REGISTRY) {
            clearScratch();
        }
    }

    private void clearScratch() {
        try {
            OwnerOnly.folder(scratch); // the registry's records: the engine user's alone, as the data folder
            try (java.util.stream.Stream<Path> left = Files.list(scratch)) {
                for (Path file : (Iterable<Path>) left::iterator) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + scratch + " for the feed's snapshots", e);
        }
    }

    public void mount(Router router) {
        router.get("/api/v1/feed/snapshot").handler(guarded(this::snapshot));
    }

    private void snapshot(RoutingContext ctx) {
        if (topology.role() != EngineRole.REGISTRY) {
            throw new HttpProblem(
                    404,
                    "Not found",
                    "this engine is " + topology.role().settingValue()
                            + "; the feed's snapshot is served by the engine in role registry");
        }
        String presented = ctx.request().getHeader("Authorization");
        String expected = "Bearer " + topology.feedToken();
        if (presented == null
                || !MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpProblem(
                    401, "Unauthorized", "the feed's snapshot needs the feed token (SEAMLESS_FEED_TOKEN)");
        }
        // The head goes at once: a million bundles take a while to read, and a caller (and the
        // connection watch) must see the answer under way meanwhile. The body follows from the file.
        HttpServerResponse response = ctx.response()
                .setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "application/x-ndjson; charset=utf-8");
        response.writeHead();
        ctx.vertx()
                .executeBlocking(this::write, false)
                .onFailure(e -> ctx.request().connection().close())
                .onSuccess(file -> ctx.vertx()
                        .fileSystem()
                        .open(file.toString(), new OpenOptions().setRead(true))
                        .compose(opened -> opened.pipeTo(response))
                        .onComplete(sent -> {
                            delete(file);
                            if (sent.failed() && !response.ended()) {
                                ctx.request().connection().close();
                            }
                        }));
    }

    private Path write() throws IOException {
        Path file = Files.createTempFile(scratch, "feed-snapshot-", ".ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            feed.fuzzySnapshot(
                    // Wall time, as Kafka stamps the feed's records: where the lane engine reads on from.
                    sequence -> line(out, SnapshotLines.head(sequence, Instant.now())),
                    change -> line(out, FeedCodec.writeChange(change)));
            line(out, SnapshotLines.END);
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
        return file;
    }

    private static void line(BufferedWriter out, String line) {
        try {
            out.write(line);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
