package hk.seamless.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a setting's value comes from: its {@code SEAMLESS_*} environment variable, else its key
 * in the config file, else the embedded default. Remembers which file keys were asked for, so
 * that a key no setting reads (a typo) is refused rather than ignored.
 */
final class SettingLayers {

    /** Variables of the project's tests and scripts, not of the engine: an engine they start inherits them. */
    private static final Set<String> FOR_THE_BUILD = Set.of(
            "SEAMLESS_REQUIRE_BROWSER",
            "SEAMLESS_REQUIRE_CONTRACT_LINT",
            "SEAMLESS_CHROMIUM",
            "SEAMLESS_CHROMEDRIVER",
            "SEAMLESS_CONTAINER_TESTS_SKIP",
            "SEAMLESS_CACHE_DIR",
            "SEAMLESS_PULL_BASE",
            "SEAMLESS_PUBLISH_PORT");

    private final Map<String, String> env;
    private final JsonObject file;
    /** The file's keys a setting has read: any other key is a typo, refused rather than ignored. */
    private final Set<String> read = new HashSet<>();
    /** The environment variables a setting has read: any other {@code SEAMLESS_*} is a typo, warned of. */
    private final Set<String> readFromEnv = new HashSet<>();

    SettingLayers(Map<String, String> env, JsonObject file) {
        this.env = env;
        this.file = file;
    }

    static JsonObject readFile(Path file) {
        try {
            return new JsonObject(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        } catch (DecodeException | ClassCastException e) {
            throw new ConfigException("config file " + file + " is not a JSON object: " + e.getMessage());
        }
    }

    /** The setting's value, its text quoted in the message if it is refused. */
    <T> T get(String key, String envName, T fallback, Function<String, T> parse) {
        return get(key, envName, fallback, parse, true);
    }

    /** A secret's value: never put in a message, since a refused start is printed and logged. */
    <T> T secret(String key, String envName, Function<String, T> parse) {
        return get(key, envName, null, parse, false);
    }

    /**
     * An environment variable set but empty counts as not set, as a compose file or a shell writes
     * one left blank: the file's value, else the default, is in force. A key in the file must have a
     * value, and a good one, even when the environment overrides it: the file is what the next start
     * without that variable reads, and an empty value is refused rather than read as "use the default".
     */
    private <T> T get(String key, String envName, T fallback, Function<String, T> parse, boolean quoteValue) {
        read.add(key);
        readFromEnv.add(envName);
        String fromEnv = env.get(envName);
        if (fromEnv != null && fromEnv.isBlank()) {
            fromEnv = null;
        }
        T fromFile = fallback;
        if (file.containsKey(key)) {
            Object value = file.getValue(key);
            if (value == null || String.valueOf(value).isBlank()) {
                throw new ConfigException("config file key '" + key + "' is empty: give it a value, or leave the key"
                        + " out for the default");
            }
            fromFile = parsed(String.valueOf(value), "config file key '" + key + "'", parse, quoteValue);
        }
        return fromEnv != null ? parsed(fromEnv, envName, parse, quoteValue) : fromFile;
    }

    private static <T> T parsed(String raw, String where, Function<String, T> parse, boolean quoteValue) {
        try {
            return parse.apply(raw.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    where + " has an invalid value" + (quoteValue ? " '" + raw + "'" : "") + ": not a number");
        } catch (RuntimeException e) {
            throw new ConfigException(
                    where + " has an invalid value" + (quoteValue ? " '" + raw + "'" : "") + ": " + e.getMessage());
        }
    }

    /** A file key read whole by its own reader (a structured value, such as the control points). */
    Object structured(String key) {
        read.add(key);
        return file.getValue(key);
    }

    boolean inFile(String key) {
        return file.containsKey(key);
    }

    String env(String name) {
        readFromEnv.add(name);
        return env.get(name);
    }

    /**
     * {@code SEAMLESS_*} variables no setting read, sorted: a misspelt one ({@code SEAMLESS_BUNDLING_LEED})
     * would otherwise leave the default in force without a word. Not refused: the environment is
     * shared with other programs and scripts.
     */
    java.util.List<String> unreadVariables() {
        return env.keySet().stream()
                .filter(name ->
                        name.startsWith("SEAMLESS_") && !readFromEnv.contains(name) && !FOR_THE_BUILD.contains(name))
                .sorted()
                .toList();
    }

    void rejectUnknownKeys() {
        for (String key : file.fieldNames()) {
            if (!read.contains(key)) {
                throw new ConfigException(
                        "config file key '" + key + "' is not a setting (see the settings table in README.md)");
            }
        }
    }
}
