package hk.seamless.pipeline;

import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.EventTranslatorThreeArg;
import com.lmax.disruptor.EventTranslatorTwoArg;
import hk.seamless.lane.plate.PlateRead;

/**
 * How each kind of lane event is written into its ring slot. The Disruptor claims the slot and
 * publishes it (also when a translator throws), so no publisher can leave a claimed slot
 * unpublished and stall the ring. Stateless constants: publishing allocates nothing.
 */
final class LaneEventTranslators {

    static final EventTranslatorThreeArg<LaneEvent, Integer, PlateRead, ReadOrigin> PLATE =
            (event, sequence, lane, read, origin) ->
                    event.reset(LaneEventType.PLATE, lane, origin).plate.copyFrom(read);

    static final EventTranslatorThreeArg<LaneEvent, Integer, CharSequence, ReadOrigin> TAG =
            (event, sequence, lane, epc, origin) ->
                    event.reset(LaneEventType.TAG, lane, origin).epc.append(epc);

    static final EventTranslatorTwoArg<LaneEvent, Integer, ReadOrigin> EMPTY =
            (event, sequence, lane, origin) -> event.reset(LaneEventType.EMPTY, lane, origin);

    static final EventTranslatorThreeArg<LaneEvent, Integer, CharSequence, Boolean> GATE_ACK =
            (event, sequence, lane, arrivalId, opened) -> {
                event.reset(LaneEventType.GATE_ACK, lane, null).ackArrivalId.append(arrivalId);
                event.gateOpened = opened;
            };

    static final EventTranslatorOneArg<LaneEvent, OverrideCommand> OVERRIDE =
            (event, sequence, command) -> event.reset(LaneEventType.OVERRIDE, -1, null).override = command;

    static final EventTranslatorOneArg<LaneEvent, Integer> LANE_CLEAR =
            (event, sequence, lane) -> event.reset(LaneEventType.LANE_CLEAR, lane, null);

    static final EventTranslatorTwoArg<LaneEvent, Integer, GateEvent> GATE_EVENT = (event, sequence, lane, gateEvent) ->
            event.reset(LaneEventType.GATE_EVENT, lane, null).gateEvent = gateEvent;

    static final EventTranslator<LaneEvent> TICK = (event, sequence) -> event.reset(LaneEventType.TICK, -1, null);

    private LaneEventTranslators() {}
}
