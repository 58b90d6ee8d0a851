package hk.seamless.device.llrp;

/** The LLRP message types this client sends or expects (LLRP 1.0.1, section 16.1). */
public final class LlrpMessageType {

    public static final int GET_READER_CAPABILITIES = 1;
    public static final int GET_READER_CAPABILITIES_RESPONSE = 11;
    public static final int CLOSE_CONNECTION_RESPONSE = 4;
    public static final int CLOSE_CONNECTION = 14;
    public static final int ADD_ROSPEC = 20;
    public static final int DELETE_ROSPEC = 21;
    public static final int START_ROSPEC = 22;
    public static final int ENABLE_ROSPEC = 24;
    public static final int ADD_ROSPEC_RESPONSE = 30;
    public static final int DELETE_ROSPEC_RESPONSE = 31;
    public static final int START_ROSPEC_RESPONSE = 32;
    public static final int ENABLE_ROSPEC_RESPONSE = 34;
    public static final int RO_ACCESS_REPORT = 61;
    public static final int KEEPALIVE = 62;
    public static final int READER_EVENT_NOTIFICATION = 63;
    public static final int KEEPALIVE_ACK = 72;
    public static final int ERROR_MESSAGE = 100;

    private LlrpMessageType() {}
}
