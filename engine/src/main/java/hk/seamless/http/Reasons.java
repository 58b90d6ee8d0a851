package hk.seamless.http;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.trade.JsonFields;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reason an admin gives for suspending, reinstating, rotating or revoking: required, so that
 * the journal (the audit trail) says why as well as who and when.
 */
final class Reasons {

    static final int MAX_LENGTH = 500;

    private Reasons() {}

    /** {@code {"reason": "..."}}: 1 to 500 characters, nothing else in the body. */
    static String read(RoutingContext ctx) {
        io.vertx.core.json.JsonObject body = RequestBodies.jsonObject(ctx);
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", Set.of("reason"));
        String reason = f.text(body, "reason", "reason", MAX_LENGTH, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return reason;
    }
}
