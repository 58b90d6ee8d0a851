package hk.seamless.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * A request the HTTP decoder refused before any route saw it: a request line or headers over the
 * server's limits, or bytes that are not HTTP/1.1. Vert.x's own answer is a bare status (or a
 * closed connection); this one is a problem like every other refusal, naming what was wrong, and
 * the connection is closed after it, since the rest of what the client sent cannot be framed.
 */
final class InvalidRequests implements Handler<HttpServerRequest> {

    private final int maxInitialLineBytes;
    private final int maxHeaderBytes;

    InvalidRequests(int maxInitialLineBytes, int maxHeaderBytes) {
        this.maxInitialLineBytes = maxInitialLineBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status;
        String title;
        String detail;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            title = "URI Too Long";
            detail = "the request line (method, path and query) is over " + maxInitialLineBytes
                    + " bytes: send long filters in fewer, shorter parameters";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            title = "Request Header Fields Too Large";
            detail = "the request's headers are over " + maxHeaderBytes + " bytes in all";
        } else {
            status = 400;
            title = "Bad Request";
            detail = "the request is not valid HTTP/1.1" + (cause == null ? "" : ": " + cause.getMessage());
        }
        // With Connection: close, Vert.x closes the connection once the answer is written.
        request.response().putHeader("Connection", "close");
        Problem.send(request.response(), status, title, detail, List.of());
    }
}
