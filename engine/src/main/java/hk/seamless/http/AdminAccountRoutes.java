package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;
import static hk.seamless.http.RouteSupport.write;

import hk.seamless.access.PasswordHasher;
import hk.seamless.access.PasswordWork;
import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.trade.Account;
import hk.seamless.trade.AccountCredentials;
import hk.seamless.trade.AccountStatus;
import hk.seamless.trade.Accounts;
import hk.seamless.trade.RegistrationRequest;
import hk.seamless.trade.TradeRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * The admin's hold on accounts: staff accounts made here (never through the public registration),
 * the list of accounts, suspension and reinstatement, and API tokens rotated or revoked, the
 * admin's own included. Every change carries the admin's reason into the journal.
 */
public final class AdminAccountRoutes {

    private static final int LIST_MAX = 1_000;

    private final TradeRegistry registry;
    private final Authentication auth;
    private final AccountCredentials credentials;
    private final PasswordHasher hasher;
    private final PasswordWork passwordWork;
    private final Consumer<String> adminTokenRotated;

    /** @param adminTokenRotated told the admin's new token once it is durable (the engine keeps its token file current) */
    public AdminAccountRoutes(
            TradeRegistry registry,
            Authentication auth,
            AccountCredentials credentials,
            PasswordHasher hasher,
            PasswordWork passwordWork,
            Consumer<String> adminTokenRotated) {
        this.registry = registry;
        this.auth = auth;
        this.credentials = credentials;
        this.hasher = hasher;
        this.passwordWork = passwordWork;
        this.adminTokenRotated = adminTokenRotated;
    }

    public void mount(Router router) {
        router.post("/api/v1/admin/accounts").handler(guarded(this::createStaff));
        router.get("/api/v1/admin/accounts").handler(guarded(this::list));
        router.post("/api/v1/admin/accounts/:id/suspend").handler(guarded(this::suspend));
        router.post("/api/v1/admin/accounts/:id/reinstate").handler(guarded(this::reinstate));
        router.post("/api/v1/admin/accounts/:id/tokens").handler(guarded(this::rotate));
        router.delete("/api/v1/admin/accounts/:id/tokens").handler(guarded(this::revoke));
        router.post("/api/v1/admin/token/rotate").handler(guarded(this::rotateOwn));
    }

    private void createStaff(RoutingContext ctx) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        RegistrationRequest request;
        try {
            request = RegistrationRequest.readStaff(RequestBodies.jsonObject(ctx));
        } catch (RuntimeException refused) {
            // Refused before the password is hashed: still the key's answer (see IdempotentWrites).
            write(
                    ctx,
                    registry.writer(),
                    admin.accountId(),
                    IdempotentWrites.wrapRequest(ctx, admin.accountId(), () -> {
                        throw refused;
                    }));
            return;
        }
        passwordWork
                .run(ctx.vertx().getOrCreateContext(), () -> hasher.hash(request.password()))
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(hash -> write(
                        ctx, registry.writer(), admin.accountId(), IdempotentWrites.wrap(ctx, admin.accountId(), tx -> {
                            Accounts.Approval made = registry.accounts().createStaff(tx, request, hash);
                            return Reply.withSecret(
                                    201,
                                    new JsonObject()
                                            .put("accountId", made.account().id())
                                            .put("role", made.account().role().name())
                                            .put(
                                                    "status",
                                                    made.account().status().name())
                                            .put("token", made.token()),
                                    "/api/v1/admin/accounts/" + made.account().id());
                        })));
    }

    /** Every account, or one role and/or one status of them, oldest first. */
    private void list(RoutingContext ctx) {
        auth.require(ctx, Role.ADMIN);
        Role role = QueryParams.enumValue(ctx, "role", Role.class, null);
        AccountStatus status = QueryParams.enumValue(ctx, "status", AccountStatus.class, null);
        ctx.vertx()
                .executeBlocking(() -> registry.accounts().list(role, status, LIST_MAX), false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(accounts -> {
                    JsonArray list = new JsonArray();
                    accounts.forEach(a -> list.add(view(a)));
                    RouteSupport.ok(ctx, new JsonObject().put("accounts", list));
                });
    }

    /** Refused from the next request on; once that is durable, the account's open sockets are closed too. */
    private void suspend(RoutingContext ctx) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        String id = ctx.pathParam("id");
        RouteSupport.submit(
                        ctx,
                        registry.writer(),
                        admin.accountId(),
                        IdempotentWrites.wrapRequest(ctx, admin.accountId(), () -> {
                            String reason = Reasons.read(ctx);
                            return tx -> Reply.of(200, view(registry.accounts().suspend(tx, id, reason)));
                        }))
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(reply -> {
                    if (!reply.refused()) {
                        auth.accountSuspended(id);
                    }
                    RouteSupport.send(ctx, reply);
                });
    }

    private void reinstate(RoutingContext ctx) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        String id = ctx.pathParam("id");
        write(ctx, registry.writer(), admin.accountId(), IdempotentWrites.wrapRequest(ctx, admin.accountId(), () -> {
            String reason = Reasons.read(ctx);
            return tx -> Reply.of(200, view(registry.accounts().reinstate(tx, id, reason)));
        }));
    }

    /** A new API token for the account, shown once; every earlier one stops working, and its sockets close. */
    private void rotate(RoutingContext ctx) {
        rotate(ctx, ctx.pathParam("id"));
    }

    private void rotate(RoutingContext ctx, String id) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        RouteSupport.submit(
                        ctx,
                        registry.writer(),
                        admin.accountId(),
                        IdempotentWrites.wrapRequest(ctx, admin.accountId(), () -> {
                            String reason = Reasons.read(ctx);
                            return tx -> Reply.withSecret(
                                    200,
                                    new JsonObject()
                                            .put("accountId", id)
                                            .put("token", credentials.rotate(tx, id, reason)),
                                    null);
                        }))
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(reply -> {
                    if (!reply.refused()) {
                        auth.tokensWithdrawn(id);
                    }
                    if (Accounts.ADMIN_ID.equals(id) && reply.carriesSecret()) {
                        adminTokenRotated.accept(new JsonObject(reply.body()).getString("token"));
                    }
                    RouteSupport.send(ctx, reply);
                });
    }

    /**
     * Every API token of the account revoked, none issued (a password, if any, still signs in); the
     * sockets opened with a token close, those opened with a session stay.
     */
    private void revoke(RoutingContext ctx) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        String id = ctx.pathParam("id");
        RouteSupport.submit(
                        ctx,
                        registry.writer(),
                        admin.accountId(),
                        IdempotentWrites.wrapRequest(ctx, admin.accountId(), () -> {
                            String reason = Reasons.read(ctx);
                            return tx -> Reply.of(
                                    200,
                                    new JsonObject()
                                            .put("accountId", id)
                                            .put("revoked", credentials.revoke(tx, id, reason)));
                        }))
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(reply -> {
                    if (!reply.refused()) {
                        auth.tokensWithdrawn(id);
                    }
                    RouteSupport.send(ctx, reply);
                });
    }

    /** The admin replaces its own token: the one it called with stops working at once. */
    private void rotateOwn(RoutingContext ctx) {
        rotate(ctx, Accounts.ADMIN_ID);
    }

    /** An account as the admin's list shows it: contact details, and why its status last changed. */
    static JsonObject view(Account a) {
        JsonObject json = Views.registration(a);
        if (a.decidedBy() != null) {
            json.put("decidedBy", a.decidedBy());
        }
        if (a.statusReason() != null) {
            json.put("statusReason", a.statusReason());
        }
        return json;
    }
}
