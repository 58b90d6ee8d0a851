package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.gate.LaneHub;
import hk.seamless.pipeline.ArrivalRecord;
import hk.seamless.pipeline.ConsoleHeartbeat;
import hk.seamless.pipeline.DecisionMessages;
import hk.seamless.pipeline.LanePipeline;
import hk.seamless.pipeline.OverrideCommand;
import hk.seamless.pipeline.Verdict;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.RegistryWriter;
import hk.seamless.trade.Accounts;
import hk.seamless.trade.JsonFields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** What officers use: the live feed of the lanes, the arrivals behind it, and overrides. */
public final class ConsoleRoutes {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleRoutes.class);
    private static final Set<String> OVERRIDE_FIELDS = Set.of("decision", "reason", "inspectionResult", "vehicleMark");

    private final LanePipeline pipeline;
    private final Authentication auth;
    private final LaneHub hub;
    private final Accounts accounts;
    private final IdempotentOverrides idempotent;

    public ConsoleRoutes(
            LanePipeline pipeline, Authentication auth, LaneHub hub, Accounts accounts, RegistryWriter writer) {
        this.pipeline = pipeline;
        this.auth = auth;
        this.hub = hub;
        this.accounts = accounts;
        this.idempotent = new IdempotentOverrides(writer);
    }

    public void mount(Router router) {
        router.get("/console/v1/feed").handler(guarded(this::feed));
        router.get("/api/v1/arrivals").handler(guarded(this::recent));
        router.get("/api/v1/arrivals/:arrivalId").handler(guarded(this::arrival));
        router.post("/api/v1/arrivals/:arrivalId/override").handler(guarded(this::override));
    }

    /**
     * Officers and supervisors only; the handshake is refused (401/403) before any frame, and the
     * feed is closed (1008) once the account is suspended or its credential withdrawn.
     */
    private void feed(RoutingContext ctx) {
        auth.require(ctx, Role.OFFICER, Role.SUPERVISOR);
        ctx.request().toWebSocket().onFailure(e -> refusedUpgrade(ctx, e)).onSuccess(socket -> {
            JsonArray lanes = new JsonArray();
            for (int i = 0; i < pipeline.lanes().size(); i++) {
                lanes.add(hk.seamless.gate.LaneStateMessage.fields(
                                hub, i, pipeline.lane(i).id())
                        .put("controlPoint", pipeline.lane(i).controlPoint())
                        .put("direction", pipeline.lane(i).direction().name())
                        .put("hold", hub.standingHold(i) == null ? null : new JsonObject(hub.standingHold(i))));
            }
            socket.writeTextMessage(new JsonObject()
                    .put("kind", "hello")
                    .put("lanes", lanes)
                    .put("heartbeatMillis", ConsoleHeartbeat.INTERVAL_MILLIS)
                    .encode());
            hub.addConsole(socket);
            // Authorised at the handshake only: a suspension, or the credential's loss, closes it.
            Runnable forget = auth.closeOnLossOfAccess(ctx, socket);
            socket.closeHandler(v -> {
                forget.run();
                hub.removeConsole(socket);
            });
        });
    }

    private void recent(RoutingContext ctx) {
        auth.require(ctx, Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);
        String awaiting = ctx.queryParams().get("awaiting");
        if (awaiting != null) {
            // Every unresolved REFER, however old: the console's queue after a reload.
            if (!awaiting.equals("officer")) {
                throw new InvalidInputException("awaiting", "the only value is 'officer'");
            }
            JsonArray waiting = new JsonArray();
            pipeline.records()
                    .awaitingOfficer()
                    .forEach(r -> waiting.add(DecisionMessages.detail(r, pipeline.releaseValidityMillis())));
            RouteSupport.ok(ctx, new JsonObject().put("arrivals", waiting));
            return;
        }
        int limit = limit(ctx.queryParams().get("limit"));
        String lane = ctx.queryParams().get("lane");
        JsonArray list = new JsonArray();
        for (ArrivalRecord r : pipeline.records().newest(lane == null ? limit : 50_000)) {
            if (lane == null || lane.equals(r.lane())) {
                list.add(DecisionMessages.detail(r, pipeline.releaseValidityMillis()));
                if (list.size() >= limit) {
                    break;
                }
            }
        }
        RouteSupport.ok(ctx, new JsonObject().put("arrivals", list));
    }

    private static int limit(String text) {
        if (text == null) {
            return 50;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidInputException("limit", "must be a whole number from 1 to 500");
    }

    private void arrival(RoutingContext ctx) {
        auth.require(ctx, Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);
        ArrivalRecord record = pipeline.records().find(ctx.pathParam("arrivalId"));
        if (record == null) {
            throw RuleViolation.notFound("no recent arrival " + ctx.pathParam("arrivalId"));
        }
        RouteSupport.ok(ctx, DecisionMessages.detail(record, pipeline.releaseValidityMillis()));
    }

    private void override(RoutingContext ctx) {
        Principal officer = auth.require(ctx, Role.OFFICER, Role.SUPERVISOR);
        JsonObject body = RequestBodies.jsonObject(ctx);
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", OVERRIDE_FIELDS);
        Verdict decision =
                body.getValue("decision") == null ? null : f.enumValue(body, "decision", "decision", Verdict.class);
        String reason = f.text(body, "reason", "reason", 500, true);
        String inspectionResult = f.text(body, "inspectionResult", "inspectionResult", 1000, false);
        String mark = f.text(body, "vehicleMark", "vehicleMark", 20, false);
        if (decision == null && mark == null && errors.isEmpty()) {
            f.add("decision", "give a decision, or key the vehicle's mark for a REFER");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        idempotent.answer(
                ctx, officer.accountId(), () -> overridden(ctx, officer, decision, reason, inspectionResult, mark));
    }

    /** Hands the override to the pipeline; its answer once the pipeline has applied it. */
    private Future<String> overridden(
            RoutingContext ctx,
            Principal officer,
            Verdict decision,
            String reason,
            String inspectionResult,
            String mark) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        String officerName = accounts.find(officer.accountId())
                .map(hk.seamless.trade.Account::name)
                .orElse(null);
        OverrideCommand command = new OverrideCommand(
                ctx.pathParam("arrivalId"),
                decision,
                reason,
                inspectionResult,
                mark,
                officer.accountId(),
                officerName,
                outcome);
        if (!pipeline.publishOverride(command)) {
            return Future.failedFuture(new HttpProblem(503, "Unavailable", "the lane pipeline is full; try again"));
        }
        return Future.fromCompletionStage(outcome, ctx.vertx().getOrCreateContext())
                .onSuccess(json -> LOG.info(
                        "Override of {} by {} ({}): {}",
                        command.arrivalId(),
                        officer.accountId(),
                        officer.role(),
                        decision != null ? decision : "REFER resolved by keying " + mark));
    }

    /** A handshake that could not be completed is answered; the connection is then closed (ConnectionWatch). */
    private static void refusedUpgrade(RoutingContext ctx, Throwable e) {
        Failures.send(
                ctx.response(),
                new HttpProblem(
                        400, "Invalid request", "the WebSocket handshake failed: " + LogValues.escape(e.getMessage())));
    }
}
