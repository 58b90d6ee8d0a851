package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;

import hk.seamless.access.PasswordHasher;
import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.config.EngineConfig;
import hk.seamless.ivrs.CallAnswer;
import hk.seamless.ivrs.CallRequest;
import hk.seamless.ivrs.IvrsCalls;
import hk.seamless.ivrs.IvrsPins;
import hk.seamless.ivrs.RegistryCallServices;
import hk.seamless.ivrs.Twiml;
import hk.seamless.ivrs.WebhookSignature;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.store.Stores;
import hk.seamless.trade.TradeRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone channel: a trucker's keypad PIN ({@code PUT /api/v1/accounts/me/ivrs-pin}) and the
 * voice platform's webhook ({@code POST /ivrs/v1/calls}, TwiML). The webhook always answers 200 with
 * XML a platform can speak, whatever it was sent: a platform that gets a 5xx plays its own error
 * message to the driver, which helps nobody. The one exception: with signing on, a call without the
 * platform's signature is not from the platform, so it gets a bare 403 and nothing is done with it.
 */
public final class IvrsRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(IvrsRoutes.class);

    private final TradeRegistry registry;
    private final Authentication auth;
    private final PasswordHasher hasher;
    private final hk.seamless.access.PasswordWork passwordWork;
    private final IvrsPins pins;
    private final IvrsCalls calls;
    /** Null when no signing secret is configured: calls are then taken from anyone. */
    private final WebhookSignature signature;

    public IvrsRoutes(
            TradeRegistry registry,
            Authentication auth,
            PasswordHasher hasher,
            hk.seamless.access.PasswordWork passwordWork,
            Stores stores,
            Vertx vertx,
            EngineConfig config) {
        this.registry = registry;
        this.auth = auth;
        this.hasher = hasher;
        this.passwordWork = passwordWork;
        this.pins = new IvrsPins(stores);
        this.calls = new IvrsCalls(
                new RegistryCallServices(registry, pins, stores, hasher, vertx, passwordWork), registry.clock());
        vertx.setPeriodic(IvrsCalls.IDLE_EXPIRY.toMillis() / 10, id -> calls.forgetIdleCalls());
        this.signature = config.ivrs().signingSecret() == null
                ? null
                : new WebhookSignature(
                        config.ivrs().signingSecret(), config.ivrs().publicUrl());
        if (signature == null) {
            LOG.warn("IVRS webhook signatures are not checked: anyone who can reach POST /ivrs/v1/calls can place calls"
                    + " and key PINs (and so lock truckers out). Set ivrsSigningSecret (SEAMLESS_IVRS_SIGNING_SECRET) and"
                    + " ivrsPublicUrl (SEAMLESS_IVRS_PUBLIC_URL)");
        }
    }

    public void mount(Router router) {
        router.put("/api/v1/accounts/me/ivrs-pin").handler(guarded(this::setPin));
        // A body the server cannot even decode (bad form encoding) fails before the handler: still
        // an XML answer the platform can speak, never a JSON problem or a 5xx. Too large stays a 413;
        // unsigned (with signing on) is still a 403.
        router.post("/ivrs/v1/calls").handler(this::call).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                ctx.next();
            } else if (fromThePlatform(ctx)) {
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
        // The slow hash runs on the password pool, never on the event loop or the registry writer.
        passwordWork
                .run(ctx.vertx().getOrCreateContext(), () -> hasher.hash(pin))
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(hash -> RouteSupport.write(
                        ctx,
                        registry.writer(),
                        trucker.accountId(),
                        tx -> Reply.of(
                                200,
                                new JsonObject().put("ivrsAccountNumber", pins.set(tx, trucker.accountId(), hash)))));
    }

    private void call(RoutingContext ctx) {
        if (!fromThePlatform(ctx)) {
            return;
        }
        CallRequest request;
        try {
            request = Twiml.request(fields(ctx), ctx.queryParams().get("step"));
        } catch (RuntimeException e) {
            // Not form encoding: not a call we can follow.
            answer(ctx, CallAnswer.sorry());
            return;
        }
        try {
            Future.fromCompletionStage(calls.handle(request), ctx.vertx().getOrCreateContext())
                    .onComplete(done -> {
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

    /**
     * Checks the platform's signature when signing is on; if it is missing or wrong, answers 403 and
     * returns false. Runs before the call is even read, so a forged call counts no PIN attempt and
     * touches no call state. The log names the CallSid (never the digits keyed).
     */
    private boolean fromThePlatform(RoutingContext ctx) {
        if (signature == null) {
            return true;
        }
        String body = ctx.body() == null || ctx.body().buffer() == null
                ? null
                : ctx.body().buffer().toString();
        String header = ctx.request().getHeader(WebhookSignature.HEADER);
        // The form fields of the body only: the query is already in the signed URL.
        if (signature.verify(ctx.request().uri(), body, header)) {
            return true;
        }
        LOG.warn(
                "IVRS webhook call refused (403): {} signature, CallSid {}, from {}",
                header == null ? "no" : "a wrong",
                callSidForLog(body),
                ctx.request().remoteAddress());
        ctx.response()
                .setStatusCode(403)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end("webhook signature missing or wrong\n");
        return false;
    }

    /** The CallSid as far as it is safe to log: a forged body chooses its text, so no line breaks or length. */
    private static String callSidForLog(String body) {
        String sid;
        try {
            sid = Twiml.parseForm(body).get("CallSid");
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
        if (sid == null || sid.isBlank()) {
            return "(none)";
        }
        return sid.matches("[A-Za-z0-9_-]{1,64}") ? sid : "(not a CallSid)";
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
        ctx.response()
                .setStatusCode(200)
                .putHeader("Content-Type", Twiml.CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(Twiml.render(answer));
    }
}
