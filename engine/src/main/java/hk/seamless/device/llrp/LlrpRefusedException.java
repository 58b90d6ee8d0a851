package hk.seamless.device.llrp;

import java.io.IOException;

/** The reader answered, but not with success: the session is started again from the beginning. */
public final class LlrpRefusedException extends IOException {

    public LlrpRefusedException(String what) {
        super(what);
    }
}
