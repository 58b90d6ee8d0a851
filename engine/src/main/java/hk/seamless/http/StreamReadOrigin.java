package hk.seamless.http;

import hk.seamless.pipeline.ReadOrigin;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

/**
 * A read that came on a lane stream. The decision itself reaches the stream with every other
 * decision of the lane, so only "accepted" and failures are answered here.
 */
final class StreamReadOrigin implements ReadOrigin {

    private final ServerWebSocket socket;

    StreamReadOrigin(ServerWebSocket socket) {
        this.socket = socket;
    }

    @Override
    public void accepted(String arrivalId) {
        if (!socket.isClosed()) {
            // Once per read on the pipeline thread; an arrival id (lane id, dots, digits) needs no escaping.
            socket.writeTextMessage("{\"kind\":\"accepted\",\"arrivalId\":\"" + arrivalId + "\"}");
        }
    }

    @Override
    public void repeated(String arrivalId) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(new JsonObject()
                    .put("kind", "accepted")
                    .put("arrivalId", arrivalId)
                    .put("repeat", true)
                    .encode());
        }
    }

    @Override
    public void decided(String decisionJson) {
        // Delivered by the lane's broadcast to its streams.
    }

    @Override
    public void failed(String reason) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(new JsonObject()
                    .put("kind", "error")
                    .put("status", 503)
                    .put("detail", reason)
                    .encode());
        }
    }
}
