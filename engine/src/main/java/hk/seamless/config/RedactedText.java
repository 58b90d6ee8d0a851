package hk.seamless.config;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The text of a settings record with its secrets shown only as {@code (set)}: a record's generated
 * {@code toString} would print them, and a configuration is the kind of thing that gets logged.
 */
final class RedactedText {

    private RedactedText() {}

    /** {@code Name[a=1, secret=(set), b=null]}: every component by name, those in {@code secrets} hidden. */
    static String of(Record settings, Set<String> secrets) {
        Class<?> type = settings.getClass();
        StringJoiner out = new StringJoiner(", ", type.getSimpleName() + "[", "]");
        for (RecordComponent component : type.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(settings);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            boolean secret = secrets.contains(component.getName());
            out.add(component.getName() + "=" + (secret && value != null ? "(set)" : value));
        }
        return out.toString();
    }
}
