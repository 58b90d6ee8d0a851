package hk.seamless.config;

/** A setting the engine cannot start with. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
