package hk.seamless.http;

import hk.seamless.pipeline.LanePipeline;
import hk.seamless.pipeline.ReadOrigin;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A device's HTTP read waiting for its answer: 202 with the arrival id, 200 with the decision, or,
 * if the pipeline fails or does not answer in time, 503 with the gate held closed.
 */
final class HttpReadOrigin implements ReadOrigin {

    private final RoutingContext ctx;
    private final Context context;
    private final AtomicBoolean answered = new AtomicBoolean();

    HttpReadOrigin(RoutingContext ctx, LanePipeline pipeline, int lane, long timeoutMillis) {
        this.ctx = ctx;
        this.context = ctx.vertx().getOrCreateContext();
        ctx.vertx().setTimer(timeoutMillis, id -> {
            if (answered.compareAndSet(false, true)) {
                pipeline.hold(lane, "DECISION_TIMEOUT");
                Problem.send(
                        ctx.response(), 503, "Unavailable", "no decision in time; the gate stays closed", List.of());
            }
        });
    }

    @Override
    public void accepted(String arrivalId) {
        answer(202, new JsonObject().put("arrivalId", arrivalId).encode());
    }

    @Override
    public void repeated(String arrivalId) {
        answer(
                202,
                new JsonObject().put("arrivalId", arrivalId).put("repeat", true).encode());
    }

    @Override
    public void decided(String decisionJson) {
        answer(200, decisionJson);
    }

    @Override
    public void failed(String reason) {
        if (answered.compareAndSet(false, true)) {
            context.runOnContext(v -> Problem.send(ctx.response(), 503, "Unavailable", reason, List.of()));
        }
    }

    private void answer(int status, String body) {
        if (answered.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                if (!ctx.response().ended()) {
                    ctx.response()
                            .setStatusCode(status)
                            .putHeader("Content-Type", "application/json")
                            .end(body);
                }
            });
        }
    }
}
