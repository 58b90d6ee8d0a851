package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;
import static hk.seamless.http.RouteSupport.write;

import hk.seamless.access.PasswordHasher;
import hk.seamless.access.PasswordWork;
import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.access.SignInThrottle;
import hk.seamless.config.EngineConfig;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.trade.Account;
import hk.seamless.trade.AccountStatus;
import hk.seamless.trade.Accounts;
import hk.seamless.trade.PendingRegistrations;
import hk.seamless.trade.RegistrationRequest;
import hk.seamless.trade.TradeRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Registrations, approvals and portal sessions. Sign-ins are throttled per e-mail address and per
 * client address, hashed on their own small pool, and an unknown address costs the same work as a
 * known one. (Staff accounts, suspensions and tokens: {@link AdminAccountRoutes}.)
 */
public final class AccountRoutes {

    private static final int REGISTRATION_LIST_MAX = 500;

    private final TradeRegistry registry;
    private final Authentication auth;
    private final PasswordHasher hasher;
    private final PasswordWork passwordWork;
    private final SignInThrottle throttle;
    private final EngineConfig config;
    private final RegistrationThrottle registrations;
    private final PendingRegistrations pending;

    public AccountRoutes(
            TradeRegistry registry,
            Authentication auth,
            PasswordHasher hasher,
            PasswordWork passwordWork,
            SignInThrottle throttle,
            EngineConfig config,
            PendingRegistrations pending) {
        this.registry = registry;
        this.auth = auth;
        this.hasher = hasher;
        this.passwordWork = passwordWork;
        this.throttle = throttle;
        this.config = config;
        this.registrations = new RegistrationThrottle(config.limits(), registry.clock());
        this.pending = pending;
    }

    public void mount(Router router) {
        router.post("/api/v1/registrations").handler(guarded(this::register));
        router.post("/api/v1/sessions").handler(guarded(this::login));
        router.delete("/api/v1/sessions/current").handler(guarded(this::logout));
        router.get("/api/v1/accounts/me").handler(guarded(this::me));
        router.get("/api/v1/admin/registrations").handler(guarded(this::registrations));
        router.post("/api/v1/admin/registrations/:id/approve").handler(guarded(this::approve));
        router.post("/api/v1/admin/registrations/:id/reject").handler(guarded(this::reject));
    }

    private void register(RoutingContext ctx) {
        RegistrationRequest request = RegistrationRequest.read(RequestBodies.jsonObject(ctx));
        registrations.admit(ctx);
        // The slow password hash runs on its own pool, never on the event loop or the registry writer.
        Future<String> hash = request.password() == null
                ? Future.succeededFuture(null)
                : passwordWork.run(ctx.vertx().getOrCreateContext(), () -> hasher.hash(request.password()));
        hash.onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(RouteSupport.answering(
                        ctx,
                        passwordHash -> write(
                                ctx, registry.writer(), "anonymous", IdempotentWrites.wrap(ctx, "registration", tx -> {
                                    refuseWhenQueueIsFull();
                                    Account account = registry.accounts().register(tx, request, passwordHash);
                                    return new Reply(
                                            202,
                                            new JsonObject()
                                                    .put("registrationId", account.id())
                                                    .put(
                                                            "status",
                                                            account.status().name())
                                                    .encode(),
                                            null);
                                }))));
    }

    /**
     * On the writer, so the count includes every registration before this one. A 429 like the rate
     * limits: a designed limit telling the client to come back later, not a failure of the engine.
     */
    private void refuseWhenQueueIsFull() {
        if (pending.count() >= config.limits().pendingRegistrationLimit()) {
            throw new HttpProblem(
                    429,
                    "Registration queue full",
                    "there are " + pending.count() + " registrations waiting for an administrator; try again later",
                    List.of(),
                    config.limits().registrationPeriod());
        }
    }

    private void login(RoutingContext ctx) {
        JsonObject body = RequestBodies.jsonObject(ctx);
        Object email = body.getValue("email");
        Object password = body.getValue("password");
        if (!(email instanceof String e) || !(password instanceof String p)) {
            throw new InvalidInputException(List.of(new FieldError("email", "email and password are required")));
        }
        String emailKey = e.strip().toLowerCase(java.util.Locale.ROOT);
        String client = RequestOrigin.address(ctx);
        Optional<java.time.Duration> wait =
                throttle.begin(emailKey, client, registry.clock().instant());
        if (wait.isPresent()) {
            throw RuleViolation.tooManyAttempts(
                    "too many wrong passwords for this e-mail address or from this" + " address; try again later",
                    wait.get());
        }
        Optional<Account> account = registry.accounts().findByEmail(emailKey);
        String stored = account.map(Account::passwordHash).orElse(null);
        // No account, or one without a password: the decoy costs the same work, so the time taken
        // does not tell which e-mail addresses are registered.
        String against = stored != null ? stored : hasher.decoyHash();
        passwordWork
                .run(ctx.vertx().getOrCreateContext(), () -> hasher.matches(p, against) && stored != null)
                .onFailure(t -> Failures.send(ctx.response(), t))
                .onSuccess(RouteSupport.answering(ctx, matches -> {
                    if (!matches) {
                        Failures.send(
                                ctx.response(), new HttpProblem(401, "Unauthenticated", "e-mail or password is wrong"));
                        return;
                    }
                    throttle.succeeded(emailKey, client);
                    if (account.get().status() != AccountStatus.ACTIVE) {
                        Failures.send(
                                ctx.response(),
                                new HttpProblem(
                                        403,
                                        "Forbidden",
                                        "the account is " + account.get().status()));
                    } else if (hasher.needsUpgrade(stored)) {
                        passwordWork
                                .run(ctx.vertx().getOrCreateContext(), () -> hasher.hash(p))
                                .onFailure(t -> Failures.send(ctx.response(), t))
                                .onSuccess(stronger -> openSession(ctx, account.get(), stored, stronger));
                    } else {
                        openSession(ctx, account.get(), null, null);
                    }
                }));
    }

    /** @param oldHash, strongerHash a weaker stored hash to replace in the same write, or nulls */
    private void openSession(RoutingContext ctx, Account account, String oldHash, String strongerHash) {
        RouteSupport.submit(ctx, registry.writer(), account.id(), tx -> {
                    if (strongerHash != null) {
                        registry.accounts().upgradePasswordHash(tx, account.id(), oldHash, strongerHash);
                    }
                    return registry.accounts()
                            .openSession(tx, account.id(), config.accounts().sessionLifetime());
                })
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(token -> {
                    ctx.response()
                            .addCookie(Cookie.cookie(Authentication.SESSION_COOKIE, token)
                                    .setHttpOnly(true)
                                    .setPath("/")
                                    .setSameSite(CookieSameSite.STRICT)
                                    .setSecure(overHttps(ctx))
                                    .setMaxAge(
                                            config.accounts().sessionLifetime().toSeconds()));
                    RouteSupport.ok(ctx, Views.account(account));
                });
    }

    /**
     * Whether the browser reached us over HTTPS: directly, or through a TLS-terminating proxy that
     * says so. The cookie is then marked Secure, never sent over plain HTTP. Trusting the header is
     * safe here: a client that claims HTTPS falsely only withholds its own cookie from itself.
     */
    private static boolean overHttps(RoutingContext ctx) {
        return ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
    }

    private void logout(RoutingContext ctx) {
        Principal principal = auth.require(ctx);
        Cookie cookie = ctx.request().getCookie(Authentication.SESSION_COOKIE);
        if (cookie == null) {
            RouteSupport.send(ctx, new Reply(204, "", null));
            return;
        }
        RouteSupport.submit(ctx, registry.writer(), principal.accountId(), tx -> {
                    registry.accounts().closeSession(tx, cookie.getValue());
                    return true;
                })
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(done -> {
                    auth.sessionClosed(cookie.getValue());
                    ctx.response()
                            .addCookie(Cookie.cookie(Authentication.SESSION_COOKIE, "")
                                    .setPath("/")
                                    .setMaxAge(0)
                                    .setSecure(overHttps(ctx)));
                    RouteSupport.send(ctx, new Reply(204, "", null));
                });
    }

    private void me(RoutingContext ctx) {
        Principal principal = auth.require(ctx);
        RouteSupport.ok(
                ctx,
                Views.account(registry.accounts().find(principal.accountId()).orElseThrow()));
    }

    /** The admin's queue: registrations in one status (PENDING unless asked), oldest first. */
    private void registrations(RoutingContext ctx) {
        auth.require(ctx, Role.ADMIN);
        AccountStatus status = QueryParams.enumValue(ctx, "status", AccountStatus.class, AccountStatus.PENDING);
        ctx.vertx()
                .executeBlocking(() -> registry.accounts().inStatus(status, REGISTRATION_LIST_MAX), false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(accounts -> {
                    JsonArray list = new JsonArray();
                    accounts.forEach(a -> list.add(Views.registration(a)));
                    RouteSupport.ok(ctx, new JsonObject().put("registrations", list));
                });
    }

    private void approve(RoutingContext ctx) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        String id = ctx.pathParam("id");
        write(ctx, registry.writer(), admin.accountId(), IdempotentWrites.wrap(ctx, admin.accountId(), tx -> {
            Accounts.Approval approval = registry.accounts().approve(tx, id);
            return Reply.withSecret(
                    200,
                    new JsonObject()
                            .put("accountId", approval.account().id())
                            .put("role", approval.account().role().name())
                            .put("status", approval.account().status().name())
                            .put("token", approval.token()),
                    null);
        }));
    }

    private void reject(RoutingContext ctx) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        String id = ctx.pathParam("id");
        write(ctx, registry.writer(), admin.accountId(), IdempotentWrites.wrap(ctx, admin.accountId(), tx -> {
            Account rejected = registry.accounts().reject(tx, id);
            return Reply.of(
                    200,
                    new JsonObject()
                            .put("registrationId", rejected.id())
                            .put("status", rejected.status().name()));
        }));
    }
}
