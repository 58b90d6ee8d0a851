package hk.seamless.trade;

import hk.seamless.config.Direction;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Saved lodgement forms, each account's own: stored under "account/name". Under the bare account id
 * the store keeps how many templates the account has, so that the limit is checked on the registry
 * writer without a scan of the store. Write methods run on the writer; look-ups from any thread.
 */
public final class LodgementTemplates {

    /** Enough for a trader's regular lanes and customers; more is a sign of scripted misuse. */
    public static final int MAX_PER_ACCOUNT = 100;

    public static final int NAME_MAX = 60;
    public static final int CARGO_MAX_BYTES = 8 * 1024;

    private static final Set<String> BODY = Set.of("cargo");
    private static final Set<String> CARGO = Set.of("direction", "consignor", "consignee", "packaged", "bulk");
    /** In the order of a lodgement form, so that a template reads back the same way every time. */
    private static final List<String> CARGO_PARTS = List.of("consignor", "consignee", "packaged", "bulk");

    private final Stores stores;
    private final int maxPerAccount;

    public LodgementTemplates(Stores stores) {
        this(stores, MAX_PER_ACCOUNT);
    }

    public LodgementTemplates(Stores stores, int maxPerAccount) {
        this.stores = stores;
        this.maxPerAccount = maxPerAccount;
    }

    /** A template as asked for, checked: its name and its cargo draft, nulls left out. */
    public record Draft(String name, JsonObject cargo) {}

    /**
     * Checks a template's name (from the path, already decoded) and its body {@code {cargo}}. The
     * cargo is a draft, so only its shape is checked: the lodgement checks the rest.
     *
     * @throws InvalidInputException naming every field in error
     */
    public static Draft read(String rawName, JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        String name = name(rawName, f);
        f.rejectUnknown(body, "", BODY);
        JsonObject cargo = f.object(body, "cargo", "cargo", true);
        JsonObject draft = cargo == null ? null : cargo(cargo, f);
        if (draft != null && draft.encode().getBytes(StandardCharsets.UTF_8).length > CARGO_MAX_BYTES) {
            f.add("cargo", "must be at most " + CARGO_MAX_BYTES + " bytes as JSON");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Draft(name, draft);
    }

    /** A name as it came in a path; for look-ups and deletions, where no body is checked. */
    public static String readName(String rawName) {
        List<FieldError> errors = new ArrayList<>();
        String name = name(rawName, new JsonFields(errors));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return name;
    }

    private static String name(String rawName, JsonFields f) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty()) {
            f.add("name", "is required");
            return null;
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            f.add("name", "must be at most " + NAME_MAX + " characters");
            return null;
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            f.add("name", "must not contain control characters");
            return null;
        }
        return name;
    }

    private static JsonObject cargo(JsonObject cargo, JsonFields f) {
        JsonObject draft = new JsonObject();
        for (String field : cargo.fieldNames()) {
            if (field.equals("expectedDate")) {
                f.add("cargo.expectedDate", "is not kept in a template: templates leave the date to each lodgement");
            } else if (!CARGO.contains(field)) {
                f.add("cargo." + field, "is not a known field");
            }
        }
        // A form with no direction chosen yet sends it blank: for a draft, that is no direction.
        if (cargo.getValue("direction") != null && !(cargo.getValue("direction") instanceof String s && s.isBlank())) {
            Direction direction = f.enumValue(cargo, "direction", "cargo.direction", Direction.class);
            if (direction != null) {
                draft.put("direction", direction.name());
            }
        }
        for (String part : CARGO_PARTS) {
            JsonObject value = f.object(cargo, part, "cargo." + part, false);
            if (value != null) {
                draft.put(part, value);
            }
        }
        return draft;
    }

    /** Creates or replaces the caller's template of that name. */
    public LodgementTemplate save(Transaction tx, Draft draft) {
        String key = key(tx.actor(), draft.name());
        boolean replacing = tx.get(StoreName.LODGEMENT_TEMPLATES, key) != null;
        int count = count(tx, tx.actor());
        if (!replacing && count >= maxPerAccount) {
            throw RuleViolation.conflict("you already keep " + count + " lodgement templates, the most an account may;"
                    + " delete one, or save over one of the same name");
        }
        LodgementTemplate template =
                new LodgementTemplate(tx.actor(), draft.name(), draft.cargo().encode(), tx.now());
        tx.put(StoreName.LODGEMENT_TEMPLATES, key, template);
        if (!replacing) {
            tx.put(StoreName.LODGEMENT_TEMPLATES, tx.actor(), Integer.toString(count + 1));
        }
        tx.audit("LODGEMENT_TEMPLATE_SAVED", key, replacing ? "replaced" : "new");
        return template;
    }

    public LodgementTemplate delete(Transaction tx, String name) {
        String key = key(tx.actor(), name);
        LodgementTemplate template = tx.get(StoreName.LODGEMENT_TEMPLATES, key, LodgementTemplate.class);
        if (template == null) {
            throw notFound(name);
        }
        tx.remove(StoreName.LODGEMENT_TEMPLATES, key);
        int left = count(tx, tx.actor()) - 1;
        if (left > 0) {
            tx.put(StoreName.LODGEMENT_TEMPLATES, tx.actor(), Integer.toString(left));
        } else {
            tx.remove(StoreName.LODGEMENT_TEMPLATES, tx.actor());
        }
        tx.audit("LODGEMENT_TEMPLATE_DELETED", key, "");
        return template;
    }

    private static int count(Transaction tx, String owner) {
        String stored = tx.get(StoreName.LODGEMENT_TEMPLATES, owner);
        return stored == null ? 0 : Integer.parseInt(stored);
    }

    /** Only the owner's templates are looked up: another account's name is simply not there. */
    public static RuleViolation notFound(String name) {
        return RuleViolation.notFound("no lodgement template \"" + name + "\" of yours");
    }

    // ---- look-ups ----

    public Optional<LodgementTemplate> find(String owner, String name) {
        String json = stores.store(StoreName.LODGEMENT_TEMPLATES).get(key(owner, name));
        return Optional.ofNullable(json).map(j -> JsonCodec.read(j, LodgementTemplate.class));
    }

    /**
     * The account's templates by name, ignoring case. A scan of the store: call it from a worker
     * thread, never an event loop. Only the owner's keys are decoded.
     */
    public List<LodgementTemplate> ownedBy(String owner) {
        String prefix = owner + "/";
        List<LodgementTemplate> result = new ArrayList<>();
        stores.store(StoreName.LODGEMENT_TEMPLATES).forEach((key, json) -> {
            if (key.startsWith(prefix)) {
                result.add(JsonCodec.read(json, LodgementTemplate.class));
            }
        });
        result.sort(Comparator.comparing(LodgementTemplate::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(LodgementTemplate::name));
        return result;
    }

    /** Account ids hold no "/", so the owner's part of the key cannot run into the name. */
    static String key(String owner, String name) {
        return owner + "/" + name;
    }
}
