package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;

import hk.seamless.access.Role;
import hk.seamless.audit.AuditCursor;
import hk.seamless.audit.AuditEntry;
import hk.seamless.audit.AuditFilter;
import hk.seamless.audit.AuditTrail;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.trade.Ccrn;
import hk.seamless.trade.VehicleMark;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/audit}: the audit trail for supervisors and the administrator, newest first,
 * paged by a cursor. Every filter is checked before any log is read: a bad one, or an empty one, is a
 * 400 naming it.
 */
public final class AuditRoutes {

    private static final String PATH = "/api/v1/audit";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    /** In the order a 400 names them. */
    private static final List<String> PARAMETERS =
            List.of("ccrn", "bundle", "vehicle", "account", "lane", "arrival", "from", "to", "limit", "cursor");

    private final Authentication auth;
    private final AuditTrail trail;
    private final Set<String> lanes;

    public AuditRoutes(Authentication auth, AuditTrail trail, Set<String> lanes) {
        this.auth = auth;
        this.trail = trail;
        this.lanes = Set.copyOf(lanes);
    }

    public void mount(Router router) {
        router.get(PATH).handler(guarded(this::query));
    }

    private void query(RoutingContext ctx) {
        auth.require(ctx, Role.SUPERVISOR, Role.ADMIN);
        Query q = read(ctx);
        ctx.vertx()
                .executeBlocking(() -> trail.query(q.filter(), q.cursor(), q.limit()), false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(page -> {
                    JsonArray entries = new JsonArray();
                    page.entries().forEach(e -> entries.add(view(e)));
                    RouteSupport.ok(
                            ctx,
                            new JsonObject()
                                    .put("entries", entries)
                                    .put(
                                            "next",
                                            page.next() == null
                                                    ? null
                                                    : page.next().toString()));
                });
    }

    private record Query(AuditFilter filter, AuditCursor cursor, int limit) {}

    private Query read(RoutingContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : ctx.queryParams().names()) {
            if (!PARAMETERS.contains(name)) {
                errors.add(new FieldError(
                        name,
                        "audit.unknown-filter",
                        "is not a filter of the audit trail; filters are " + AuditFilter.NAMES + ", limit and cursor"));
            }
        }
        for (String name : PARAMETERS) {
            // Elsewhere a blank filter means "all" (a portal form's empty box); here it would widen a
            // query for one record to the whole trail, so the caller is told instead.
            if (ctx.queryParams().getAll(name).stream().anyMatch(String::isBlank)) {
                errors.add(new FieldError(
                        name, FieldError.REQUIRED, "must not be empty: leave the parameter out to not filter by it"));
            }
        }
        String ccrn = field(errors, "ccrn", () -> {
            String text = QueryParams.text(ctx, "ccrn", 40);
            return text == null ? null : Ccrn.parse(text, "ccrn").value();
        });
        String vehicle = field(errors, "vehicle", () -> {
            String text = QueryParams.text(ctx, "vehicle", 20);
            return text == null ? null : VehicleMark.parse(text, "vehicle").value();
        });
        String bundle = field(errors, "bundle", () -> QueryParams.text(ctx, "bundle", 64));
        String account = field(errors, "account", () -> QueryParams.text(ctx, "account", 64));
        String arrival = field(errors, "arrival", () -> QueryParams.text(ctx, "arrival", 64));
        String lane = field(errors, "lane", () -> {
            String text = QueryParams.text(ctx, "lane", 40);
            if (text != null && !lanes.contains(text)) {
                throw new InvalidInputException("lane", "audit.unknown-lane", "is not a lane of this engine");
            }
            return text;
        });
        Instant from = field(errors, "from", () -> time(ctx, "from", false));
        Instant to = field(errors, "to", () -> time(ctx, "to", true));
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "audit.empty-range", "must be after from"));
        }
        Integer limit = field(errors, "limit", () -> limit(ctx));
        AuditCursor cursor = field(errors, "cursor", () -> {
            String text = QueryParams.text(ctx, "cursor", 100);
            try {
                return text == null ? AuditCursor.start() : AuditCursor.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "audit.bad-cursor", e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Query(new AuditFilter(ccrn, bundle, vehicle, account, lane, arrival, from, to), cursor, limit);
    }

    /** Runs one field's check, collecting its refusal so that one answer names every bad filter. */
    private static <T> T field(List<FieldError> errors, String name, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /**
     * An instant with its offset ({@code 2026-12-02T10:00:00+08:00}, {@code ...Z}) or a date, read
     * as a Hong Kong day: {@code from} its start, {@code to} its end (so from=to=a day is that day).
     */
    private static Instant time(RoutingContext ctx, String name, boolean endOfDay) {
        String text = QueryParams.text(ctx, name, 40);
        if (text == null) {
            return null;
        }
        java.time.temporal.Temporal at = parseTime(text);
        if (at == null) {
            throw new InvalidInputException(
                    name,
                    "audit.bad-time",
                    "must be an ISO-8601 time with its offset (2026-12-02T10:00:00+08:00) or a date (2026-12-02)");
        }
        // ISO-8601's four-digit years; the log's times are epoch milliseconds, which a year like +292278995 overflows.
        int year = at.get(java.time.temporal.ChronoField.YEAR);
        if (year < 0 || year > 9999) {
            throw new InvalidInputException(name, "audit.bad-time", "must be a time in the years 0000 to 9999");
        }
        if (at instanceof LocalDate day) {
            return (endOfDay ? day.plusDays(1) : day)
                    .atStartOfDay(hk.seamless.config.HongKong.TIME_ZONE)
                    .toInstant();
        }
        return ((OffsetDateTime) at).toInstant();
    }

    /** A time with its offset, or a date; null if neither. */
    private static java.time.temporal.Temporal parseTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static int limit(RoutingContext ctx) {
        String text = QueryParams.text(ctx, "limit", 10);
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below, with the range
        }
        throw new InvalidInputException("limit", "audit.bad-limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static JsonObject view(AuditEntry e) {
        return new JsonObject()
                .put("log", e.log())
                .put("sequence", e.sequence())
                .put("at", Views.time(e.at()))
                .put("who", e.who())
                .put("from", e.from())
                .put("action", e.action())
                .put("subject", e.subject())
                .put("detail", e.detail());
    }
}
