package hk.seamless.pipeline;

import com.lmax.disruptor.EventHandler;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The pipeline's consumer: fuse, identify, assess and decide, publish, journal, one event at a
 * time on one thread. The steps are separate classes but share a thread: on a 2-core machine a
 * hand-off between threads per step would cost more than the steps themselves.
 */
final class ArrivalHandler implements EventHandler<LaneEvent> {

    private final Fusion fusion;
    private final VehicleIdentification identification;
    private final ClearanceRules rules;
    private final DecisionPublisher publisher;
    private final OverrideDesk overrides;
    private final GateAcknowledgements acks;
    private final Clock clock;
    private final Runnable endOfBatch;
    private final Consumer<Arrival> decide = this::decide;
    private long now;

    ArrivalHandler(
            Fusion fusion,
            VehicleIdentification identification,
            ClearanceRules rules,
            DecisionPublisher publisher,
            OverrideDesk overrides,
            GateAcknowledgements acks,
            Clock clock,
            Runnable endOfBatch) {
        this.endOfBatch = endOfBatch;
        this.fusion = fusion;
        this.identification = identification;
        this.rules = rules;
        this.publisher = publisher;
        this.overrides = overrides;
        this.acks = acks;
        this.clock = clock;
    }

    @Override
    public void onEvent(LaneEvent event, long sequence, boolean endOfBatch) {
        now = clock.millis();
        switch (event.type) {
            case PLATE, TAG, EMPTY -> onRead(event);
            case TICK -> fusion.onTick(now, decide);
            case LANE_CLEAR -> fusion.onLaneClear(event.laneIndex);
            case GATE_ACK -> acks.acknowledge(event.laneIndex, event.ackArrivalId, event.gateOpened, now);
            case OVERRIDE -> overrides.apply(event.override, now);
            case GATE_EVENT -> acks.gateEvent(event.laneIndex, event.gateEvent, now);
        }
        // The slot lives on: drop what it refers to so that nothing is kept alive by it. (On an
        // exception the pipeline's exception handler answers the origin first, then drops it.)
        event.origin = null;
        event.override = null;
        event.gateEvent = null;
        if (endOfBatch) {
            this.endOfBatch.run();
        }
    }

    private void onRead(LaneEvent event) {
        Fusion.Taken taken = fusion.onRead(event, now, decide);
        Arrival arrival = fusion.arrivalAt(event.laneIndex);
        if (taken == Fusion.Taken.REPEAT) {
            publisher.repeat(arrival, event.type, now);
            if (event.origin != null) {
                event.origin.repeated(arrival.id);
            }
        } else if (taken == Fusion.Taken.WAITING && event.origin != null) {
            event.origin.accepted(arrival.id);
        }
    }

    private void decide(Arrival arrival) {
        if (identification.identify(arrival)) {
            rules.decide(arrival, now);
        }
        arrival.decidedAtMillis = now;
        publisher.publish(arrival);
    }
}
