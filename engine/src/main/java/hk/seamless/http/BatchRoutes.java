package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.config.EngineConfig;
import hk.seamless.rules.FieldError;
import hk.seamless.trade.TradeRegistry;
import hk.seamless.trade.batch.BatchFormatException;
import hk.seamless.trade.batch.BatchReader;
import hk.seamless.trade.batch.BatchReaders;
import hk.seamless.trade.batch.BatchRow;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Batch lodgement: a CSV or XML file of many consignments. Each row is checked by the same reader
 * as a single lodgement; good rows are lodged, bad rows are reported, a few hundred rows to a
 * registry transaction ({@link ChunkedBatch}), so that other shippers' writes are not held up.
 */
public final class BatchRoutes {

    private final TradeRegistry registry;
    private final Authentication auth;

    public BatchRoutes(TradeRegistry registry, Authentication auth) {
        this.registry = registry;
        this.auth = auth;
    }

    public void mount(Router router) {
        router.post("/api/v1/consignments/batch").handler(guarded(this::upload));
    }

    private void upload(RoutingContext ctx) {
        Principal caller = auth.require(ctx, Role.SHIPPER, Role.AGENT);
        String type = ctx.request().getHeader("Content-Type");
        String fileName = ctx.request().getHeader("X-File-Name");
        BatchReader reader = type == null && fileName == null
                ? null
                : BatchReaders.forContentType(
                        type == null ? "" : type, fileName == null ? "" : fileName, EngineConfig.MAX_BATCH_ROWS);
        if (reader == null) {
            throw new HttpProblem(
                    415,
                    "Unsupported media type",
                    "send the batch file as text/csv or application/xml (the body is the file itself)");
        }
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new HttpProblem(
                    400,
                    "Invalid request",
                    "the batch file is empty",
                    List.of(new FieldError("file", FieldError.REQUIRED, "is empty")));
        }
        byte[] file = body.getBytes();
        // Parsing 10 MiB of CSV takes tens of milliseconds: a worker's job, not an event loop's.
        ctx.vertx()
                .executeBlocking(() -> reader.read(file), false)
                .onFailure(e -> Failures.send(
                        ctx.response(),
                        e instanceof BatchFormatException f
                                ? new HttpProblem(
                                        400,
                                        "Unreadable batch file",
                                        f.getMessage(),
                                        List.of(new FieldError(f.field(), f.getMessage())))
                                : e))
                .onSuccess(RouteSupport.answering(ctx, rows -> lodgeRows(ctx, caller, rows)));
    }

    private void lodgeRows(RoutingContext ctx, Principal caller, List<BatchRow> rows) {
        if (rows.isEmpty()) {
            Failures.send(
                    ctx.response(),
                    new HttpProblem(
                            400,
                            "Invalid request",
                            "the batch file has no rows",
                            List.of(new FieldError("file", FieldError.REQUIRED, "has a header but no rows"))));
            return;
        }
        ChunkedBatch.lodge(registry, ctx, caller.accountId(), rows).onComplete(done -> {
            if (done.succeeded()) {
                RouteSupport.send(ctx, done.result());
            } else {
                Failures.send(ctx.response(), done.cause());
            }
        });
    }
}
