package hk.seamless.http;

import hk.seamless.access.PasswordHasher;
import hk.seamless.access.Principal;
import hk.seamless.ivrs.CallAnswer;
import hk.seamless.ivrs.CallRequest;
import hk.seamless.ivrs.IvrsCalls;
import hk.seamless.ivrs.IvrsPins;
import hk.seamless.ivrs.RegistryCallServices;
import hk.seamless.ivrs.Twiml;
import hk.seamless.store.Stores;
import hk.seamless.trade.FieldError;
import hk.seamless.trade.InvalidInputException;
import hk.seamless.trade.Role;
import hk.seamless.trade.TradeRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static hk.seamless.http.RouteSupport.guarded;

/**
 * The phone channel: a trucker's keypad PIN ({@code PUT /api/v1/accounts/me/ivrs-pin}) and the
 * voice platform's webhook ({@code POST /ivrs/v1/calls}, TwiML). The webhook always answers 200 with
 * XML a platform can speak, whatever it was sent: a platform that gets a 5xx plays its own error
 * message to the driver, which helps nobody.
 */
public final class IvrsRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(IvrsRoutes.class);

    private final TradeRegistry registry;
    private final Authentication auth;
    private final PasswordHasher hasher;
    private final IvrsPins pins;
    private final IvrsCalls calls;

    public IvrsRoutes(TradeRegistry registry, Authentication auth, PasswordHasher hasher, Stores stores, Vertx vertx) {
        this.registry = registry;
        this.auth = auth;
        this.hasher = hasher;
        this.pins = new IvrsPins(stores);
        this.calls = new IvrsCalls(new RegistryCallServices(registry, pins, stores, hasher, vertx), registry.clock());
    }

    public void mount(Router router) {
        router.put("/api/v1/accounts/me/ivrs-pin").handler(guarded(this::setPin));
        // A body the server cannot even decode (bad form encoding) fails before the handler: still
        // an XML answer the platform can speak, never a JSON problem or a 5xx. Too large stays a 413.
        router.post("/ivrs/v1/calls").handler(this::call).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                ctx.next();
            } else {
                answer(ctx, CallAnswer.sorry());
            }
        });
    }

    private void setPin(RoutingContext ctx) {
        Principal trucker = auth.require(ctx, Role.TRUCKER);
        JsonObject body = RequestBodies.jsonObject(ctx);
        for (String name : body.fieldNames()) {
            if (!name.equals("pin")) {
                throw new InvalidInputException(List.of(new FieldError(name, "is not a known field")));
            }
        }
        String pin = IvrsPins.checkPin(body.getValue("pin"));
        // The slow hash runs on a worker, never on the event loop or the registry writer.
        ctx.vertx().executeBlocking(() -> hasher.hash(pin), false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(hash -> RouteSupport.write(ctx, registry.writer(), trucker.accountId(), tx -> Reply.of(200,
                        new JsonObject().put("ivrsAccountNumber", pins.set(tx, trucker.accountId(), hash)))));
    }

    private void call(RoutingContext ctx) {
        CallRequest request;
        try {
            request = Twiml.request(fields(ctx), ctx.queryParams().get("step"));
        } catch (RuntimeException e) {
            // Not form encoding: not a call we can follow.
            answer(ctx, CallAnswer.sorry());
            return;
        }
        try {
            Future.fromCompletionStage(calls.handle(request), ctx.vertx().getOrCreateContext()).onComplete(done -> {
                if (done.failed()) {
                    LOG.error("IVRS webhook failed (a defect); the caller is told sorry", done.cause());
                }
                answer(ctx, done.succeeded() ? done.result() : CallAnswer.sorry());
            });
        } catch (RuntimeException e) {
            LOG.error("IVRS webhook failed (a defect); the caller is told sorry", e);
            answer(ctx, CallAnswer.sorry());
        }
    }

    /** The form fields, read from the body ourselves whatever the Content-Type says, then the query's. */
    private static Map<String, String> fields(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        Map<String, String> fields = new HashMap<>(Twiml.parseForm(body == null ? null : body.toString()));
        ctx.request().formAttributes().forEach(e -> fields.putIfAbsent(e.getKey(), e.getValue()));
        ctx.queryParams().forEach(e -> fields.putIfAbsent(e.getKey(), e.getValue()));
        return fields;
    }

    private static void answer(RoutingContext ctx, CallAnswer answer) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", Twiml.CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store").end(Twiml.render(answer));
    }
}
