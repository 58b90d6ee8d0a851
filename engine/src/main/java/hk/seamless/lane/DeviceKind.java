package hk.seamless.lane;

/** What a lane device is; each kind may send only its own messages. */
public enum DeviceKind {
    CAMERA,
    RFID,
    BUTTON,
    GATE
}
