package hk.seamless.lanesim;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** How reads reach the engine: lane-stream WebSockets or HTTP posts. Never blocks the scheduler. */
interface ReadSender extends AutoCloseable {

    /**
     * What a lane's devices hear back: over HTTP, the answer to each read ({@code status} 202 with
     * the arrival id, 200 with the decision); over the lane stream, each message on the camera's
     * socket ({@code status} 0: accepted, or a decision of the lane). Decisions are timed on the
     * gate; these are for what the gate cannot tell (a HOLD at a gate-less lane, a repeat).
     */
    interface DeviceListener {
        void heard(int lane, int status, String body);

        DeviceListener NONE = (lane, status, body) -> {};
    }

    /** Whether messages carry "kind" (lane streams do). */
    boolean stream();

    /**
     * Sends a plate read; a lane's plate reads reach the engine in the order sent.
     *
     * @return the answer to this read over HTTP; null over a stream (which answers per socket, not per read)
     */
    CompletableFuture<EngineClient.Answer> plate(int lane, String json);

    void tag(int lane, String json);

    /** Sends an EMPTY press and runs {@code then} once the engine has taken it (or refused it). */
    void empty(int lane, String json, Runnable then);

    @Override
    void close();

    /**
     * The sender --transport names: {@code ws}, the lanes' device streams; else HTTP posts. What the
     * devices hear back goes to the run, which takes the decisions a lane's gate cannot tell.
     */
    static ReadSender over(
            String transport,
            LaneSockets sockets,
            HttpClient http,
            LaneBases bases,
            List<LaneInfo> lanes,
            DeviceTokens tokens,
            boolean buttons,
            LaneRun run)
            throws Exception {
        return "ws".equals(transport)
                ? new StreamReadSender(sockets, bases, lanes, tokens, buttons, run::problem, run::onDevice)
                : new HttpReadSender(http, bases, lanes, tokens, run::problem, run::onDevice, run::platesInOrder);
    }
}
