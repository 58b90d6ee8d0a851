package hk.seamless.device;

import hk.seamless.device.llrp.LlrpFrame;
import hk.seamless.device.llrp.LlrpMessageType;
import hk.seamless.device.llrp.LlrpMessages;
import hk.seamless.device.llrp.TagReport;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UHF reader's LLRP side on loopback: it greets a client with a connection event, answers its
 * capability request and ROSpec messages with success, and, once the client has started its
 * ROSpec, reports the tags a test says it sees. It can also send what a real reader never should
 * (raw bytes), and go away and come back on the same port.
 */
public final class LlrpReaderEmulator implements AutoCloseable {

    private final int port;
    private final List<Integer> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger keepaliveAcks = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger(1000);
    private volatile ServerSocket server;
    private volatile Socket client;
    private volatile boolean started;

    public LlrpReaderEmulator() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open();
    }

    public int port() {
        return port;
    }

    public synchronized void open() {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(this::serve, "llrp-reader-emulator");
        t.setDaemon(true);
        t.start();
    }

    private void serve() {
        ServerSocket s = server;
        while (!s.isClosed()) {
            try (Socket c = s.accept()) {
                client = c;
                started = false;
                sessions.incrementAndGet();
                session(c);
            } catch (IOException e) {
                // the client went, or the emulator was stopped: wait for the next one
            } finally {
                client = null;
                started = false;
            }
        }
    }

    private void session(Socket c) throws IOException {
        OutputStream out = c.getOutputStream();
        send(LlrpMessages.connectionAttempt(messageIds.incrementAndGet(), System.currentTimeMillis() * 1000, 0));
        DataInputStream in = new DataInputStream(new BufferedInputStream(c.getInputStream()));
        while (true) {
            LlrpFrame frame = LlrpFrame.read(in);
            received.add(frame.type());
            int answer = switch (frame.type()) {
                case LlrpMessageType.GET_READER_CAPABILITIES -> LlrpMessageType.GET_READER_CAPABILITIES_RESPONSE;
                case LlrpMessageType.DELETE_ROSPEC -> LlrpMessageType.DELETE_ROSPEC_RESPONSE;
                case LlrpMessageType.ADD_ROSPEC -> LlrpMessageType.ADD_ROSPEC_RESPONSE;
                case LlrpMessageType.ENABLE_ROSPEC -> LlrpMessageType.ENABLE_ROSPEC_RESPONSE;
                case LlrpMessageType.START_ROSPEC -> LlrpMessageType.START_ROSPEC_RESPONSE;
                case LlrpMessageType.CLOSE_CONNECTION -> LlrpMessageType.CLOSE_CONNECTION_RESPONSE;
                default -> -1;
            };
            if (frame.type() == LlrpMessageType.KEEPALIVE_ACK) {
                keepaliveAcks.incrementAndGet();
            } else if (answer >= 0) {
                synchronized (this) {
                    out.write(LlrpMessages.response(answer, frame.messageId(), 0, "").encode());
                    out.flush();
                }
                started |= frame.type() == LlrpMessageType.START_ROSPEC;
            }
        }
    }

    /** "This tag is seen at this antenna": one RO_ACCESS_REPORT, once the client's ROSpec runs. */
    public void sees(String epc, int antenna, int peakRssi) {
        awaitStarted(Duration.ofSeconds(10));
        send(LlrpMessages.roAccessReport(messageIds.incrementAndGet(),
                List.of(new TagReport(epc, antenna, peakRssi, System.currentTimeMillis() * 1000))));
    }

    public void sendKeepalive() {
        send(new LlrpFrame(LlrpMessageType.KEEPALIVE, messageIds.incrementAndGet(), new byte[0]));
    }

    public void send(LlrpFrame frame) {
        sendRaw(frame.encode());
    }

    /** Bytes as they are, LLRP or not. */
    public synchronized void sendRaw(byte[] bytes) {
        Socket c = client;
        if (c == null) {
            throw new IllegalStateException("no LLRP client is connected to the reader emulator");
        }
        try {
            // The stream taken once: a client that drops the session as soon as it reads these bytes
            // (as it must for bytes that are not LLRP) closes the socket, and asking for its stream
            // again to flush would fail although the bytes went out.
            java.io.OutputStream out = c.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void awaitStarted(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!started) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the client never started its ROSpec; received " + received);
            }
            sleep();
        }
    }

    public boolean started() {
        return started;
    }

    public List<Integer> received() {
        return received;
    }

    public int keepaliveAcks() {
        return keepaliveAcks.get();
    }

    public int sessions() {
        return sessions.get();
    }

    /** The reader goes off the network: its listener and its client's connection close. */
    public synchronized void stop() {
        try {
            server.close();
            Socket c = client;
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // closed anyway
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
