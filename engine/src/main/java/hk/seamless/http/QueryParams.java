package hk.seamless.http;

import hk.seamless.rules.InvalidInputException;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * Filters given in the query string of list calls. A blank value means no filter: a portal form
 * sends {@code status=} for "all". A bad value is a 400 naming the parameter, like a bad body field.
 */
final class QueryParams {

    private QueryParams() {}

    /** One of {@code type}'s values, in any case; {@code fallback} when absent or blank. */
    static <E extends Enum<E>> E enumValue(RoutingContext ctx, String name, Class<E> type, E fallback) {
        String text = text(ctx, name, 40);
        if (text == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    /** The stripped text, at most {@code max} characters and no control characters; null when absent or blank. */
    static String text(RoutingContext ctx, String name, int max) {
        if (ctx.queryParams().getAll(name).size() > 1) {
            // Which one would count is a guess the caller should not have to make: two "from"s are a mistake.
            throw new InvalidInputException(name, "is given more than once");
        }
        String value = ctx.queryParams().get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new InvalidInputException(name, "must be at most " + max + " characters");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(name, "must not contain control characters");
        }
        return stripped;
    }
}
