package hk.seamless.pipeline;

/** What a slot of the ring carries. */
public enum LaneEventType {
    /** A camera's plate read. */
    PLATE,
    /** An RFID reader's tag read. */
    TAG,
    /** The EMPTY button pressed at the lane. */
    EMPTY,
    /** Time has passed: fusion windows that have run out are decided with what they have. */
    TICK,
    /** A gate controller acknowledged a decision. */
    GATE_ACK,
    /** An officer overrode a decision or keyed a mark. */
    OVERRIDE,
    /** The lane's loop detector reports no vehicle: the one decided there has left. */
    LANE_CLEAR,
    /** Something the engine's own gate driver saw or did (a boom movement, a fault): journalled. */
    GATE_EVENT
}
