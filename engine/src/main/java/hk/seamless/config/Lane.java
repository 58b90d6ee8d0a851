package hk.seamless.config;

/**
 * One lane of a control point; its id ("LMC-S-03") is what lane devices are bound to.
 *
 * @param rfidReader whether the lane has an RFID reader: a lane with one waits, for the fusion
 *                   window, for both the plate and the tag before it decides
 * @param llrpReader the lane's RFID reader when the engine reaches it over LLRP, else null (it posts reads itself)
 * @param modbusGate the lane's boom gate when the engine drives it over Modbus TCP, else null (a WebSocket gate)
 */
public record Lane(
        String id,
        String controlPoint,
        Direction direction,
        boolean rfidReader,
        LlrpReaderSetting llrpReader,
        ModbusGateSetting modbusGate) {

    public Lane(String id, String controlPoint, Direction direction, boolean rfidReader) {
        this(id, controlPoint, direction, rfidReader, null, null);
    }

    public Lane(String id, String controlPoint, Direction direction) {
        this(id, controlPoint, direction, true);
    }
}
