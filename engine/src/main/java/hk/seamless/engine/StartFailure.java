package hk.seamless.engine;

/**
 * The engine could not start for a reason an operator can put right (a port another program
 * holds, say): said in one sentence that names the setting, not as a stack trace.
 */
public final class StartFailure extends RuntimeException {

    public StartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
