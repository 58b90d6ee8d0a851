package hk.seamless.http;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.store.StoreName;
import hk.seamless.store.Transaction;
import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.TradeRegistry;
import hk.seamless.trade.batch.BatchRow;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Lodges a batch a chunk of rows at a time, each chunk one registry command, the next submitted only
 * when the one before is durable. The single writer is then never held by one batch for long: a
 * lodgement, a bundle or an approval queued meanwhile runs between two chunks.
 *
 * <p>With an Idempotency-Key each chunk records, in its own transaction, how far the batch got and
 * its rows' results; the last one records the whole answer. A batch cut off (a crash, a full store)
 * and sent again with the same key lodges only the rows not yet lodged, and answers for all. While
 * one upload of a key is under way, another with the same key is a 409.
 */
final class ChunkedBatch {

    /** Rows per registry command: small enough that a single write waits for at most one chunk. */
    static final int CHUNK_ROWS = 250;
    /** A batch whose progress was not touched for this long is taken as cut off: it may be resumed. */
    private static final Duration STALE = Duration.ofMinutes(1);

    /**
     * This process's uploads: an owner is {@code <process>/<upload>}. An upload owned by another
     * process was cut off when that process stopped (or was killed): its claim is stale at once.
     */
    private static final String THIS_PROCESS = UUID.randomUUID().toString();

    /** How far a keyed batch got; {@code owner} is the upload working on it. */
    record Progress(String fingerprint, String owner, int rowsDone, int chunks, Instant at) {

        /** Whether an upload may still be lodging it: one of this process's, touched within {@link #STALE}. */
        boolean underWay(Instant now) {
            return owner.startsWith(THIS_PROCESS + "/") && at.isAfter(now.minus(STALE));
        }
    }

    /** One chunk's results, kept until the batch's whole answer is remembered. */
    record ChunkResults(String results, Instant at) {}

    private final TradeRegistry registry;
    private final RoutingContext ctx;
    private final String actor;
    private final List<BatchRow> rows;
    private final String storeKey;
    private final String fingerprint;
    private final String owner = THIS_PROCESS + "/" + UUID.randomUUID();
    private final JsonArray results = new JsonArray();
    private int rowsDone;
    private int chunks;

    private ChunkedBatch(
            TradeRegistry registry, RoutingContext ctx, String actor, List<BatchRow> rows, String storeKey) {
        this.registry = registry;
        this.ctx = ctx;
        this.actor = actor;
        this.rows = rows;
        this.storeKey = storeKey;
        this.fingerprint = storeKey == null ? null : RequestBodies.fingerprint(ctx);
    }

    /** Lodges {@code rows}; the answer has one result per row, in the file's order. */
    static Future<Reply> lodge(TradeRegistry registry, RoutingContext ctx, String actor, List<BatchRow> rows) {
        String storeKey = IdempotentWrites.storeKey(ctx, actor);
        ChunkedBatch batch = new ChunkedBatch(registry, ctx, actor, rows, storeKey);
        if (storeKey == null) {
            return batch.nextChunk();
        }
        return RouteSupport.submit(ctx, registry.writer(), actor, batch::claim)
                .compose(earlier -> earlier != null ? Future.succeededFuture(earlier) : batch.nextChunk());
    }

    /** A remembered answer, or null once this upload owns the key (resuming where a cut-off one stopped). */
    private Reply claim(Transaction tx) {
        Reply earlier = IdempotentWrites.earlier(tx, storeKey, fingerprint);
        if (earlier != null) {
            return earlier;
        }
        Progress progress = tx.get(StoreName.IDEMPOTENCY, progressKey(), Progress.class);
        if (progress != null) {
            if (!progress.fingerprint().equals(fingerprint)) {
                throw new HttpProblem(
                        422,
                        "Idempotency key reused",
                        "this Idempotency-Key was used before with a different request",
                        List.of(new hk.seamless.rules.FieldError(
                                IdempotentWrites.HEADER, "was used with a different request")));
            }
            if (progress.underWay(tx.now())) {
                throw new HttpProblem(
                        409,
                        "Batch under way",
                        "a batch with this Idempotency-Key is still being lodged;"
                                + " send it again when that one has answered",
                        List.of(),
                        STALE);
            }
            for (int i = 0; i < progress.chunks(); i++) {
                ChunkResults done = tx.get(StoreName.IDEMPOTENCY, chunkKey(i), ChunkResults.class);
                if (done == null) {
                    throw new HttpProblem(
                            409,
                            "Batch cut off too long ago",
                            "this batch was cut off and its progress has"
                                    + " since been purged; send the rows not yet lodged with a new Idempotency-Key");
                }
                results.addAll(new JsonArray(done.results()));
            }
            rowsDone = progress.rowsDone();
            chunks = progress.chunks();
        }
        tx.put(StoreName.IDEMPOTENCY, progressKey(), new Progress(fingerprint, owner, rowsDone, chunks, tx.now()));
        return null;
    }

    private Future<Reply> nextChunk() {
        int from = rowsDone;
        int to = Math.min(rows.size(), from + CHUNK_ROWS);
        Promise<Reply> answer = Promise.promise();
        RouteSupport.submit(ctx, registry.writer(), actor, tx -> lodgeChunk(tx, from, to))
                .onComplete(done -> {
                    if (done.failed()) {
                        release();
                        answer.handle(
                                from == 0
                                        ? Future.failedFuture(done.cause())
                                        : Future.succeededFuture(cutOff(done.cause())));
                        return;
                    }
                    results.addAll(done.result());
                    rowsDone = to;
                    chunks++;
                    if (to < rows.size()) {
                        nextChunk().onComplete(answer);
                    } else {
                        answer.complete(reply(results));
                    }
                });
        return answer.future();
    }

    /**
     * After a failed chunk this upload gives the key up, so that the client's retry may resume at
     * once instead of being told the batch is still under way. Best effort: if the writer cannot
     * take this either, the claim goes stale after {@link #STALE}.
     */
    private void release() {
        if (storeKey == null) {
            return;
        }
        registry.writer().submit(actor, tx -> {
            Progress progress = tx.get(StoreName.IDEMPOTENCY, progressKey(), Progress.class);
            if (progress != null && progress.owner().equals(owner)) {
                tx.put(
                        StoreName.IDEMPOTENCY,
                        progressKey(),
                        new Progress(
                                progress.fingerprint(),
                                owner,
                                progress.rowsDone(),
                                progress.chunks(),
                                tx.now().minus(STALE)));
            }
            return null;
        });
    }

    private JsonArray lodgeChunk(Transaction tx, int from, int to) {
        if (storeKey != null) {
            Progress progress = tx.get(StoreName.IDEMPOTENCY, progressKey(), Progress.class);
            if (progress == null || !progress.owner().equals(owner)) {
                throw new HttpProblem(
                        409, "Batch under way", "another upload with this Idempotency-Key took the batch over");
            }
        }
        JsonArray chunk = new JsonArray();
        for (BatchRow row : rows.subList(from, to)) {
            chunk.add(lodgeRow(tx, row));
        }
        if (storeKey != null) {
            if (to == rows.size()) {
                JsonArray all = results.copy().addAll(chunk);
                IdempotentWrites.remember(tx, storeKey, fingerprint, reply(all));
                tx.remove(StoreName.IDEMPOTENCY, progressKey());
                for (int i = 0; i < chunks; i++) {
                    tx.remove(StoreName.IDEMPOTENCY, chunkKey(i));
                }
            } else {
                tx.put(StoreName.IDEMPOTENCY, chunkKey(chunks), new ChunkResults(chunk.encode(), tx.now()));
                tx.put(
                        StoreName.IDEMPOTENCY,
                        progressKey(),
                        new Progress(fingerprint, owner, to, chunks + 1, tx.now()));
            }
        }
        return chunk;
    }

    private JsonObject lodgeRow(Transaction tx, BatchRow row) {
        JsonObject result = new JsonObject().put("row", row.rowNumber());
        if (!row.readProblems().isEmpty()) {
            JsonArray errors = new JsonArray();
            row.readProblems()
                    .forEach(p -> errors.add(new JsonObject()
                            .put("field", "row")
                            .put("code", FieldError.INVALID)
                            .put("message", p)));
            return result.put("status", "REJECTED").put("errors", errors);
        }
        try {
            CargoInformation cargo = registry.cargoReader().read(row.body(), tx.now());
            Consignment c = registry.consignments().lodge(tx, cargo);
            return result.put("status", "LODGED").put("ccrn", c.ccrn());
        } catch (InvalidInputException e) {
            JsonArray errors = new JsonArray();
            e.errors()
                    .forEach(fe -> errors.add(new JsonObject()
                            .put("field", fe.field())
                            .put("code", fe.code())
                            .put("message", fe.message())));
            return result.put("status", "REJECTED").put("errors", errors);
        }
    }

    /**
     * The answer when a chunk after the first failed: the rows before it are lodged and durable, so
     * the client is told which, and that the rest were not taken (with a key, sending the same file
     * again lodges only those).
     */
    private Reply cutOff(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        String why = "the registry could not take this row (" + cause.getMessage() + "); send it again"
                + (storeKey == null ? " in a new batch" : " with the same Idempotency-Key");
        JsonArray all = results.copy();
        for (BatchRow row : rows.subList(rowsDone, rows.size())) {
            all.add(new JsonObject()
                    .put("row", row.rowNumber())
                    .put("status", "NOT_PROCESSED")
                    .put(
                            "errors",
                            new JsonArray()
                                    .add(new JsonObject()
                                            .put("field", "row")
                                            .put("code", FieldError.NOT_PROCESSED)
                                            .put("message", why))));
        }
        return reply(all);
    }

    private Reply reply(JsonArray all) {
        int lodgedRows = 0;
        int rejected = 0;
        for (int i = 0; i < all.size(); i++) {
            String status = all.getJsonObject(i).getString("status");
            lodgedRows += "LODGED".equals(status) ? 1 : 0;
            rejected += "REJECTED".equals(status) ? 1 : 0;
        }
        JsonObject body = new JsonObject()
                .put("rows", rows.size())
                .put("lodged", lodgedRows)
                .put("rejected", rejected);
        if (lodgedRows + rejected < rows.size()) {
            body.put("notProcessed", rows.size() - lodgedRows - rejected);
        }
        return Reply.of(200, body.put("results", all));
    }

    private String progressKey() {
        return storeKey + "|batch-progress";
    }

    private String chunkKey(int chunk) {
        return storeKey + "|batch-chunk|" + chunk;
    }
}
