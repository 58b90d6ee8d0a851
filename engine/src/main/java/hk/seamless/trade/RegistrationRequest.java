package hk.seamless.trade;

import hk.seamless.access.PasswordHasher;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A registration form as received, checked field by field. */
public record RegistrationRequest(Role role, String name, String email, String password, String phone,
                                  String businessRegistrationNo) {

    private static final Set<String> FIELDS = Set.of("role", "name", "email", "password", "phone", "businessRegistrationNo");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{6,19}$");
    /** Hong Kong business registration numbers are 8 digits (optionally with a branch suffix). */
    private static final Pattern BR_NO = Pattern.compile("^[0-9]{8}(-[0-9]{3})?$");
    /** Admins are made by configuration, devices by admins: neither registers itself. */
    private static final Set<Role> SELF_REGISTERING = Set.of(Role.SHIPPER, Role.AGENT, Role.TRUCKER, Role.OFFICER, Role.SUPERVISOR);

    public static RegistrationRequest read(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", FIELDS);
        Role role = f.enumValue(body, "role", "role", Role.class);
        if (role != null && !SELF_REGISTERING.contains(role)) {
            f.add("role", "must be one of " + SELF_REGISTERING.stream().sorted().toList());
        }
        String name = f.text(body, "name", "name", 200, true);
        String email = f.text(body, "email", "email", 254, true);
        if (email != null && !EMAIL.matcher(email).matches()) {
            f.add("email", "is not an e-mail address");
        }
        String password = rawPassword(body, f);
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
        if (s.length() < PasswordHasher.MIN_LENGTH || s.length() > PasswordHasher.MAX_LENGTH) {
            f.add("password", "must be " + PasswordHasher.MIN_LENGTH + " to " + PasswordHasher.MAX_LENGTH + " characters");
            return null;
        }
        return s;
    }
}
