package hk.seamless.device.llrp;

import hk.seamless.config.LlrpReaderSetting;
import hk.seamless.device.Backoff;
import hk.seamless.device.DeviceMetrics;
import hk.seamless.device.LaneSide;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as the LLRP client of a lane's RFID reader: it connects, waits for the reader's
 * connection event, checks its capabilities, deletes stale ROSpecs, adds, enables and starts one
 * that reports every tag as it is seen, and turns each tag into the same tag read the HTTP route
 * makes. It answers keep-alives, and when the connection fails it calls again after a jittered,
 * capped backoff. One thread per reader, blocked on the socket.
 */
public final class LlrpReaderClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LlrpReaderClient.class);
    /** The engine's ROSpec on every reader: one is all a lane needs. */
    static final int RO_SPEC_ID = 1515;

    private static final int SETUP_TIMEOUT_MILLIS = 10_000;

    private final LlrpReaderSetting setting;
    private final LaneSide lane;
    private final DeviceMetrics metrics;
    private final Backoff backoff = new Backoff(200, 10_000);
    private final Thread thread;
    private final LlrpTagFilter filter;
    private volatile Socket socket;
    private volatile boolean closed;
    private int nextMessageId = 1;

    public LlrpReaderClient(LlrpReaderSetting setting, LaneSide lane, DeviceMetrics metrics) {
        this.setting = setting;
        this.lane = lane;
        this.metrics = metrics;
        this.filter = new LlrpTagFilter(setting, lane.id(), metrics);
        this.thread = new Thread(this::run, "llrp-reader-" + lane.id());
        this.thread.setDaemon(true);
    }

    public void start() {
        lane.readerState("CONNECTING");
        thread.start();
    }

    private void run() {
        while (!closed) {
            try (Socket s = new Socket()) {
                socket = s;
                s.connect(new InetSocketAddress(setting.host(), setting.port()), SETUP_TIMEOUT_MILLIS);
                s.setTcpNoDelay(true);
                session(s);
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                metrics.error(
                        e instanceof MalformedLlrpException
                                ? "malformed_frame"
                                : e instanceof LlrpRefusedException ? "reader_refused" : "connection_lost");
                LOG.warn(
                        "LLRP reader of lane {} at {}:{}: {}; calling again",
                        lane.id(),
                        setting.host(),
                        setting.port(),
                        e.toString());
            }
            metrics.connected(false);
            lane.readerState("DISCONNECTED");
            pause(backoff.next());
        }
    }

    private void session(Socket s) throws IOException {
        s.setSoTimeout(SETUP_TIMEOUT_MILLIS);
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        OutputStream out = s.getOutputStream();
        LlrpFrame hello = LlrpFrame.read(in);
        if (hello.type() != LlrpMessageType.READER_EVENT_NOTIFICATION) {
            throw new MalformedLlrpException("message type " + hello.type() + " before the reader's connection event");
        }
        int attempt = LlrpParameters.connectionAttempt(hello.payload());
        if (attempt != 0) {
            throw new LlrpRefusedException(
                    "the reader refused the connection (ConnectionAttemptEvent status " + attempt + ")");
        }
        transact(
                in,
                out,
                LlrpMessages.getReaderCapabilities(nextMessageId++),
                LlrpMessageType.GET_READER_CAPABILITIES_RESPONSE);
        transact(in, out, LlrpMessages.deleteRoSpec(nextMessageId++, 0), LlrpMessageType.DELETE_ROSPEC_RESPONSE);
        transact(
                in,
                out,
                LlrpMessages.addRoSpec(nextMessageId++, RO_SPEC_ID, List.copyOf(setting.antennas())),
                LlrpMessageType.ADD_ROSPEC_RESPONSE);
        transact(
                in,
                out,
                LlrpMessages.enableRoSpec(nextMessageId++, RO_SPEC_ID),
                LlrpMessageType.ENABLE_ROSPEC_RESPONSE);
        transact(in, out, LlrpMessages.startRoSpec(nextMessageId++, RO_SPEC_ID), LlrpMessageType.START_ROSPEC_RESPONSE);
        // Reports come when tags do: a quiet lane is not a dead reader (the reader's keep-alives are).
        s.setSoTimeout(0);
        backoff.reset();
        metrics.connected(true);
        lane.readerState("CONNECTED");
        LOG.info(
                "LLRP reader of lane {} at {}:{} is reporting tags (ROSpec {})",
                lane.id(),
                setting.host(),
                setting.port(),
                RO_SPEC_ID);
        while (!closed) {
            handle(LlrpFrame.read(in), out);
        }
    }

    /** Sends a request and waits for its response, handling what the reader says meanwhile. */
    private void transact(DataInputStream in, OutputStream out, LlrpFrame request, int responseType)
            throws IOException {
        out.write(request.encode());
        out.flush();
        while (true) {
            LlrpFrame frame = LlrpFrame.read(in);
            if (frame.type() == responseType && frame.messageId() == request.messageId()) {
                LlrpParameters.Status status = LlrpParameters.status(frame.payload());
                if (!status.success()) {
                    throw new LlrpRefusedException("the reader refused message type " + request.type() + ": status "
                            + status.code() + " " + status.description());
                }
                return;
            }
            if (frame.type() == LlrpMessageType.ERROR_MESSAGE) {
                throw new LlrpRefusedException(
                        "the reader answered message type " + request.type() + " with an ERROR_MESSAGE");
            }
            handle(frame, out);
        }
    }

    private void handle(LlrpFrame frame, OutputStream out) throws IOException {
        switch (frame.type()) {
            case LlrpMessageType.RO_ACCESS_REPORT -> report(frame);
            case LlrpMessageType.KEEPALIVE -> {
                out.write(LlrpMessages.keepaliveAck(frame.messageId()).encode());
                out.flush();
                metrics.reported(lane.nowMillis());
            }
            case LlrpMessageType.READER_EVENT_NOTIFICATION ->
                LOG.debug("LLRP reader of lane {}: reader event", lane.id());
            default -> {
                metrics.error("unknown_message");
                LOG.warn(
                        "LLRP reader of lane {}: ignored a message of type {} ({} bytes)",
                        lane.id(),
                        frame.type(),
                        frame.payload().length);
            }
        }
    }

    private void report(LlrpFrame frame) {
        List<TagReport> tags;
        try {
            tags = LlrpParameters.tagReports(frame.payload());
        } catch (MalformedLlrpException e) {
            // The frame's own length was sound: the next one can still be read. Nothing of this one is used.
            metrics.error("malformed_report");
            LOG.warn("LLRP reader of lane {}: refused a tag report: {}", lane.id(), e.getMessage());
            return;
        }
        metrics.reported(lane.nowMillis());
        for (TagReport tag : tags) {
            if (filter.isLaneRead(tag)) {
                metrics.count("seamless_reader_tags", "read");
                lane.tagRead(tag.epc());
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
