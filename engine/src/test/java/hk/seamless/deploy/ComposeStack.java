package hk.seamless.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A compose file of deploy/compose read as compose reads it: YAML with anchors and merge keys, and
 * {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}} replaced from the variables
 * given (what {@code --env-file} would give). The container tests take their settings from here,
 * so that what they run is what the stack runs.
 */
final class ComposeStack {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|:\\?)([^}]*))?}");

    private final Path file;
    private final Map<String, Object> document;
    private final Map<String, String> variables;

    private ComposeStack(Path file, Map<String, Object> document, Map<String, String> variables) {
        this.file = file;
        this.document = document;
        this.variables = Map.copyOf(variables);
    }

    static ComposeStack read(Path file, Map<String, String> variables) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader in = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml(new SafeConstructor(options)).load(in);
            return new ComposeStack(file, document, variables);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> services() {
        return (Map<String, Object>) document.get("services");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> volumes() {
        Object v = document.get("volumes");
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        Object s = services().get(name);
        if (s == null) {
            throw new AssertionError(file + " has no service " + name);
        }
        return (Map<String, Object>) s;
    }

    /** The service's environment, interpolated. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), interpolate(v == null ? "" : String.valueOf(v))));
        } else if (env instanceof List<?> list) {
            for (Object entry : list) {
                String[] kv = String.valueOf(entry).split("=", 2);
                out.put(kv[0], interpolate(kv.length > 1 ? kv[1] : ""));
            }
        }
        return out;
    }

    /** The raw (not interpolated) value of one environment setting of a service, or null. */
    @SuppressWarnings("unchecked")
    String rawEnvironment(String service, String name) {
        Object env = service(service).get("environment");
        if (env instanceof Map<?, ?> map) {
            Object v = ((Map<String, Object>) map).get(name);
            return v == null ? null : String.valueOf(v);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    List<String> list(String service, String key) {
        Object v = service(service).get(key);
        return v == null
                ? List.of()
                : ((List<Object>) v).stream().map(String::valueOf).toList();
    }

    String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String given = variables.get(m.group(1));
            String replacement;
            if (given != null && !given.isEmpty()) {
                replacement = given;
            } else if (":-".equals(m.group(2))) {
                replacement = m.group(3);
            } else if (":?".equals(m.group(2))) {
                throw new AssertionError(file + " needs " + m.group(1) + ": " + m.group(3));
            } else {
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
