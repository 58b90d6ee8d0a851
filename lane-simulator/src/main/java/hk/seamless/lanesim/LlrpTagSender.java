package hk.seamless.lanesim;

import hk.seamless.lanesim.devices.LlrpReaderEmulator;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Reads as a lane with an LLRP reader makes them: the tag is reported by the lane's emulated reader
 * (an RO_ACCESS_REPORT the engine reads as the LLRP client), never posted; plates and EMPTY presses
 * go as the wrapped sender sends them.
 */
final class LlrpTagSender implements ReadSender {

    /** Antenna 1, the one the written settings give the lane; a strong read, well above any RSSI floor. */
    static final int ANTENNA = 1;

    static final int PEAK_RSSI = -48;

    private final ReadSender others;
    private final List<LlrpReaderEmulator> readers;
    private final Consumer<String> onProblem;

    LlrpTagSender(ReadSender others, List<LlrpReaderEmulator> readers, Consumer<String> onProblem) {
        this.others = others;
        this.readers = readers;
        this.onProblem = onProblem;
    }

    @Override
    public boolean stream() {
        return others.stream();
    }

    @Override
    public CompletableFuture<EngineClient.Answer> plate(int lane, String json) {
        return others.plate(lane, json);
    }

    @Override
    public void tag(int lane, String json) {
        LlrpReaderEmulator reader = readers.get(lane);
        if (reader == null) {
            others.tag(lane, json);
            return;
        }
        try {
            reader.sees(new JsonObject(json).getString("epc"), ANTENNA, PEAK_RSSI);
        } catch (RuntimeException e) {
            onProblem.accept("the emulated reader of lane #" + lane + " could not report a tag: " + e.getMessage());
        }
    }

    @Override
    public void empty(int lane, String json, Runnable then) {
        others.empty(lane, json, then);
    }

    @Override
    public void close() {
        others.close();
    }
}
