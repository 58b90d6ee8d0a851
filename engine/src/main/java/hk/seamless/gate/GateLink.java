package hk.seamless.gate;

/**
 * A gate the engine drives itself rather than one that listens on a WebSocket: it is handed the
 * same messages (decisions, HOLDs) and acts on them. Called on the pipeline thread: it must hand
 * the work to its own thread and return at once.
 */
public interface GateLink {

    void send(String message);
}
