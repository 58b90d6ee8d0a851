package hk.seamless.trade;

import hk.seamless.access.PasswordPolicy;
import hk.seamless.access.Role;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A registration form as received, checked field by field. */
public record RegistrationRequest(
        Role role, String name, String email, String password, String phone, String businessRegistrationNo) {

    private static final Set<String> FIELDS =
            Set.of("role", "name", "email", "password", "phone", "businessRegistrationNo");
    /** A last label of two or more characters and no trailing dot: "kim@ex.example." is not a second address. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{6,19}$");
    /** Hong Kong business registration numbers are 8 digits (optionally with a branch suffix). */
    private static final Pattern BR_NO = Pattern.compile("^[0-9]{8}(-[0-9]{3})?$");
    /**
     * Traders register themselves. Admins are made by configuration, staff (OFFICER, SUPERVISOR) and
     * devices by admins: none of them through the public registration.
     */
    private static final Set<Role> SELF_REGISTERING = Set.of(Role.SHIPPER, Role.AGENT, Role.TRUCKER);

    private static final Set<Role> STAFF = Set.of(Role.OFFICER, Role.SUPERVISOR);

    /** A registration through the public form: a trader's. */
    public static RegistrationRequest read(JsonObject body) {
        return read(body, SELF_REGISTERING, false);
    }

    /** A staff account the admin creates: an officer or a supervisor, who signs in with a password. */
    public static RegistrationRequest readStaff(JsonObject body) {
        return read(body, STAFF, true);
    }

    private static RegistrationRequest read(JsonObject body, Set<Role> roles, boolean passwordRequired) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", FIELDS);
        Role role = f.enumValue(body, "role", "role", Role.class);
        if (role != null && !roles.contains(role)) {
            f.add(
                    "role",
                    "must be one of " + roles.stream().sorted().toList()
                            + (role.isStaff() ? "; staff accounts are created by an admin" : ""));
        }
        String name = f.text(body, "name", "name", 200, true);
        String email = f.text(body, "email", "email", 254, true);
        if (email != null && !EMAIL.matcher(email).matches()) {
            f.add("email", "is not an e-mail address");
        }
        String password = rawPassword(body, f);
        if (passwordRequired && password == null && !body.containsKey("password")) {
            f.add("password", "is required: staff sign in to the lane console with it");
        }
        String phone = f.text(body, "phone", "phone", 20, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            f.add("phone", "is not a telephone number");
        }
        String brNo = f.text(body, "businessRegistrationNo", "businessRegistrationNo", 12, false);
        if (brNo != null && !BR_NO.matcher(brNo).matches()) {
            f.add("businessRegistrationNo", "must be 8 digits (a Hong Kong business registration number)");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RegistrationRequest(role, name, email.toLowerCase(java.util.Locale.ROOT), password, phone, brNo);
    }

    /** Passwords are not trimmed: a space is a character the user chose. */
    private static String rawPassword(JsonObject body, JsonFields f) {
        Object value = body.getValue("password");
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            f.add("password", "must be a string");
            return null;
        }
        Optional<String> problem = PasswordPolicy.problem(s);
        problem.ifPresent(p -> f.add("password", p));
        return problem.isPresent() ? null : s;
    }
}
