package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.gate.LaneHub;
import hk.seamless.gate.LaneStateMessage;
import hk.seamless.pipeline.GateEvent;
import hk.seamless.pipeline.LanePipeline;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.trade.JsonFields;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An officer clears a gate fault the engine latched (no confirmation, a lost connection, a stuck
 * input), having looked at the gate: {@code POST /api/v1/lanes/{lane}/gate-fault/clear {"reason"}}.
 * The lane can release again once its gate is also connected; the clearing is journalled with who and why.
 */
public final class GateFaultRoutes {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GateFaultRoutes.class);

    private final LanePipeline pipeline;
    private final Authentication auth;
    private final LaneHub hub;

    public GateFaultRoutes(LanePipeline pipeline, Authentication auth, LaneHub hub) {
        this.pipeline = pipeline;
        this.auth = auth;
        this.hub = hub;
    }

    public void mount(Router router) {
        router.post("/api/v1/lanes/:lane/gate-fault/clear").handler(guarded(this::clear));
    }

    private void clear(RoutingContext ctx) {
        Principal officer = auth.require(ctx, Role.OFFICER, Role.SUPERVISOR);
        int lane = pipeline.laneIndex(ctx.pathParam("lane"));
        if (lane < 0) {
            throw new HttpProblem(404, "Not found", "no lane " + ctx.pathParam("lane"));
        }
        JsonObject body = RequestBodies.jsonObject(ctx);
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", Set.of("reason"));
        String reason = f.text(body, "reason", "reason", 500, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String laneId = pipeline.lane(lane).id();
        String cleared = hub.clearLatchedFault(lane);
        if (cleared == null) {
            throw new HttpProblem(409, "Conflict", "lane " + laneId + " has no gate fault to clear");
        }
        if (!pipeline.publishGateEvent(
                lane,
                new GateEvent(
                        GateEvent.Kind.GATE_FAULT_CLEARED,
                        null,
                        reason + " (was: " + cleared + ")",
                        officer.accountId()))) {
            hub.latchFault(lane, cleared);
            throw new HttpProblem(503, "Unavailable", "the lane pipeline is full; try again");
        }
        LOG.warn(
                "Gate fault on lane {} cleared by {} ({}): {}; was {}",
                laneId,
                officer.accountId(),
                officer.role(),
                LogValues.escape(reason),
                cleared);
        hub.toConsoles(LaneStateMessage.of(hub, lane, laneId));
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("lane", laneId)
                        .put("cleared", cleared)
                        .put("gateAvailable", hub.gateAvailable(lane))
                        .encode());
    }
}
