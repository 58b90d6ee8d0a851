package hk.seamless.audit;

import hk.seamless.store.RegistryChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which of a change's writes are one event's own: those of the records its subject keys. A batch
 * upload writes each lodged consignment under its CCRN, the event of that lodgement has the CCRN as
 * subject; a move to the archive writes {@code consignment/<ccrn>} and {@code consignment-version/<ccrn>/<n>}.
 * So a key is the subject's when the subject is the key or one of its {@code /}-separated parts.
 *
 * <p>Writes no event's subject keys (remembered answers, a batch's progress, a lane engine's report
 * counter) are the change's bookkeeping: they often name every record of the change, so they would
 * make every event of it match a filter on any one.
 */
final class EventWrites {

    private final Map<String, List<RegistryChange.Write>> byKeyPart = new HashMap<>();

    EventWrites(List<RegistryChange.Write> writes) {
        for (RegistryChange.Write write : writes) {
            for (String part : new LinkedHashSet<>(List.of(write.key().split("/")))) {
                byKeyPart.computeIfAbsent(part, p -> new ArrayList<>()).add(write);
            }
        }
    }

    List<RegistryChange.Write> of(RegistryChange.AuditEvent event) {
        return event.subject() == null || event.subject().isEmpty()
                ? List.of()
                : byKeyPart.getOrDefault(event.subject(), List.of());
    }
}
