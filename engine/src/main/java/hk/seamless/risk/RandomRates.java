package hk.seamless.risk;

import hk.seamless.config.ControlPoint;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import hk.seamless.trade.JsonFields;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Random-selection rates, registry side: each control point starts at its configured rate (the
 * real-world 3% by default); a supervisor may set another, kept in the store {@code RANDOM_RATES}
 * under the control point's code as the plain number ("0.05"). The lane side hears the change
 * ({@link RiskView}).
 */
public final class RandomRates {

    private static final Set<String> FIELDS = Set.of("rate");

    private final Stores stores;
    private final Map<String, ControlPoint> controlPoints;

    public RandomRates(Stores stores, List<ControlPoint> controlPoints) {
        this.stores = stores;
        Map<String, ControlPoint> byCode = new LinkedHashMap<>();
        controlPoints.forEach(cp -> byCode.put(cp.code(), cp));
        this.controlPoints = Collections.unmodifiableMap(byCode);
    }

    /** Reads {@code {rate}}: a JSON number from 0 to 1; anything else names the field "rate". */
    public static double readRate(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        new JsonFields(errors).rejectUnknown(body, "", FIELDS);
        Object value = body.getValue("rate");
        double rate = Double.NaN;
        if (value == null) {
            errors.add(new FieldError("rate", "is required"));
        } else if (!(value instanceof Number n)) {
            errors.add(new FieldError("rate", "must be a number from 0 to 1"));
        } else {
            rate = n.doubleValue();
            if (!validRate(rate)) {
                errors.add(new FieldError("rate", "must be a number from 0 to 1"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return rate;
    }

    static boolean validRate(double rate) {
        return Double.isFinite(rate) && rate >= 0.0 && rate <= 1.0;
    }

    /** Sets the rate of a control point; returns it. */
    public double set(Transaction tx, String controlPoint, double rate) {
        ControlPoint cp = controlPoint(controlPoint);
        if (!validRate(rate)) {
            throw new InvalidInputException("rate", "must be a number from 0 to 1");
        }
        String stored = tx.get(StoreName.RANDOM_RATES, cp.code());
        double before = stored == null ? cp.randomInspectionRate() : Double.parseDouble(stored);
        tx.put(StoreName.RANDOM_RATES, cp.code(), Double.toString(rate));
        tx.audit("RANDOM_RATE_SET", cp.code(), rate + " (was " + before + ")");
        return rate;
    }

    /** The rate in force: the one a supervisor set, else the configured default. */
    public double rateFor(String controlPoint) {
        ControlPoint cp = controlPoint(controlPoint);
        String stored = stores.store(StoreName.RANDOM_RATES).get(cp.code());
        return stored == null ? cp.randomInspectionRate() : Double.parseDouble(stored);
    }

    /** Every control point's rate in force, in the configured order. */
    public Map<String, Double> all() {
        Map<String, Double> rates = new LinkedHashMap<>();
        controlPoints.keySet().forEach(code -> rates.put(code, rateFor(code)));
        return rates;
    }

    private ControlPoint controlPoint(String code) {
        ControlPoint cp = code == null ? null : controlPoints.get(code.toUpperCase(Locale.ROOT));
        if (cp == null) {
            throw RuleViolation.notFound(
                    "no control point " + code + "; the control points are " + controlPoints.keySet());
        }
        return cp;
    }
}
