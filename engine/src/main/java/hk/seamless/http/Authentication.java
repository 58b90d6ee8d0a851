package hk.seamless.http;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.access.Tokens;
import hk.seamless.trade.Account;
import hk.seamless.trade.AccountStatus;
import hk.seamless.trade.Accounts;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds who is calling, from a bearer token (systems) or the session cookie (portal, console), and
 * checks on every request that the account is still ACTIVE: a suspension takes effect at once. A
 * socket held open (the console feed) is closed when its account or its credential is lost.
 */
public final class Authentication {

    public static final String SESSION_COOKIE = "seamless_session";
    /** Where the request's caller is kept once found (this request's own data: never another's). */
    private static final String CALLER = Authentication.class.getName() + ".caller";

    /** WebSocket close code: the peer may no longer have what it holds open. */
    private static final short POLICY_VIOLATION = 1008;

    /**
     * How often a socket opened with a session looks at it again: a session ends by itself at its
     * expiry, which no write announces, so its feed is closed within this of the end.
     */
    static final long SESSION_RECHECK_MILLIS = 1_000;

    private final Accounts accounts;
    private final Clock clock;
    private final AccountSockets sockets = new AccountSockets();

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
        Optional<Account> account = credential(ctx).map(Credential::account);
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

    /**
     * The account a request's credential names, what that credential is to {@link AccountSockets},
     * and whether it ends by itself (a session expires; an API token lasts until withdrawn).
     */
    private record Credential(Account account, String entitlement, boolean expires) {

        boolean admits(Credential earlier) {
            return account.status() == AccountStatus.ACTIVE
                    && account.id().equals(earlier.account().id())
                    && entitlement.equals(earlier.entitlement());
        }
    }

    private Optional<Credential> credential(RoutingContext ctx) {
        if (ctx.request().getHeader("Authorization") != null) {
            // A caller that sends a credential is judged by it alone: a bad token is a 401 even
            // beside a good session cookie, as the contract says of a bad token.
            return bearer(ctx)
                    .flatMap(accounts::byToken)
                    .map(a -> new Credential(a, AccountSockets.tokensOf(a.id()), false));
        }
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        return accounts.bySession(cookie.getValue(), clock.instant())
                .map(a -> new Credential(a, AccountSockets.session(Tokens.hash(cookie.getValue())), true));
    }

    /**
     * Closes {@code socket} (1008) as soon as the caller's account is suspended, or the credential
     * it was opened with stops working (the account's API tokens rotated or revoked, the session
     * logged out, or its session expired): the account was checked only at the handshake. Returns
     * what the socket's own close handler must run (forget the socket). Call it once the socket is
     * open, on its event loop.
     */
    public Runnable closeOnLossOfAccess(RoutingContext ctx, ServerWebSocket socket) {
        Consumer<String> close = why -> socket.close(POLICY_VIOLATION, why);
        Credential opened = credential(ctx).orElse(null);
        if (opened == null) {
            close.accept("the credential no longer admits this account");
            return () -> {};
        }
        Runnable forget = sockets.whileEntitled(
                List.of(AccountSockets.account(opened.account().id()), opened.entitlement()), close);
        // A loss made durable between the handshake's check and the line above closed nothing:
        // look once more, now that any later loss will find the socket.
        Credential now = credential(ctx).orElse(null);
        if (now == null || !now.admits(opened)) {
            forget.run();
            close.accept("the credential no longer admits this account");
            return () -> {};
        }
        if (!opened.expires()) {
            return forget;
        }
        Vertx vertx = ctx.vertx();
        long recheck = vertx.setPeriodic(SESSION_RECHECK_MILLIS, id -> {
            Credential still = credential(ctx).orElse(null);
            if (still == null || !still.admits(opened)) {
                vertx.cancelTimer(id);
                forget.run();
                close.accept("the session has ended");
            }
        });
        return () -> {
            vertx.cancelTimer(recheck);
            forget.run();
        };
    }

    /** Closes the account's open sockets: call once its suspension is durable. */
    public void accountSuspended(String accountId) {
        sockets.lost(AccountSockets.account(accountId), "the account was suspended");
    }

    /** Closes the sockets opened with the account's API tokens: call once their rotation or revocation is durable. */
    public void tokensWithdrawn(String accountId) {
        sockets.lost(AccountSockets.tokensOf(accountId), "the account's API tokens were rotated or revoked");
    }

    /** Closes the sockets opened with this session: call once its logout is durable. */
    public void sessionClosed(String sessionToken) {
        sockets.lost(AccountSockets.session(Tokens.hash(sessionToken)), "the session was logged out");
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
