package hk.seamless.device.llrp;

import java.io.IOException;

/** Bytes from a reader that are not LLRP as the specification lays it out. */
public final class MalformedLlrpException extends IOException {

    public MalformedLlrpException(String what) {
        super("not LLRP: " + what);
    }
}
