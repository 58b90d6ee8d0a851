package hk.seamless.pipeline;

/**
 * Who sent a read and is waiting for its answer: an HTTP request or a lane stream. Called from the
 * pipeline thread; implementations hand the answer back to their own Vert.x context.
 */
public interface ReadOrigin {

    /** The read joined an arrival that is still waiting for its other sensor. */
    void accepted(String arrivalId);

    /**
     * The read is of a vehicle already decided and still at the lane: recorded with that arrival,
     * not decided again; nothing goes to the gate.
     */
    void repeated(String arrivalId);

    /** The read completed an arrival: here is its decision, already encoded. */
    void decided(String decisionJson);

    /** The read could not be decided (an engine fault): the gate stays closed. */
    void failed(String reason);
}
