package hk.seamless.http;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.trade.Account;
import hk.seamless.trade.AccountStatus;
import hk.seamless.trade.Accounts;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds who is calling, from a bearer token (systems) or the session cookie (portal, console), and
 * checks on every request that the account is still ACTIVE: a suspension takes effect at once.
 */
public final class Authentication {

    public static final String SESSION_COOKIE = "seamless_session";
    /** Where the request's caller is kept once found (this request's own data: never another's). */
    private static final String CALLER = Authentication.class.getName() + ".caller";

    private final Accounts accounts;
    private final Clock clock;

    public Authentication(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The caller, found once per request: a write is admitted ({@link WriteAdmission}) and then its
     * route asks again, and each finding costs a hash, two map reads and a decoded account.
     */
    public Principal require(RoutingContext ctx) {
        Principal known = ctx.get(CALLER);
        if (known != null) {
            return known;
        }
        Principal caller = find(ctx);
        ctx.put(CALLER, caller);
        return caller;
    }

    private Principal find(RoutingContext ctx) {
        Optional<Account> account = bearer(ctx).flatMap(accounts::byToken);
        if (account.isEmpty()) {
            Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
            if (cookie != null) {
                account = accounts.bySession(cookie.getValue(), clock.instant());
            }
        }
        if (account.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"seamless\"");
            throw new HttpProblem(401, "Unauthenticated", "a valid bearer token or session is required");
        }
        if (account.get().status() != AccountStatus.ACTIVE) {
            throw new HttpProblem(
                    403, "Forbidden", "the account is " + account.get().status());
        }
        return Accounts.principal(account.get());
    }

    public Principal require(RoutingContext ctx, Role... roles) {
        Principal principal = require(ctx);
        if (Arrays.stream(roles).noneMatch(r -> r == principal.role())) {
            throw new HttpProblem(
                    403,
                    "Forbidden",
                    "this needs the role " + roleList(roles) + "; the account is " + principal.role());
        }
        return principal;
    }

    private static String roleList(Role[] roles) {
        return String.join(" or ", Arrays.stream(roles).map(Role::name).toList());
    }

    private static Optional<String> bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() || token.length() > 200 ? Optional.empty() : Optional.of(token);
    }
}
