package hk.seamless.log;

/**
 * A log that cannot be trusted as it is: damage before the checkpoint or in a sealed segment, or a
 * checkpoint that does not match its entry. The engine refuses to start; the operator runs
 * {@code verify-log} to see exactly where the log broke.
 */
public final class LogDamageException extends RuntimeException {

    public LogDamageException(String message) {
        super(message);
    }
}
