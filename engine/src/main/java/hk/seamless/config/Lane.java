package hk.seamless.config;

/**
 * One lane of a control point; its id ("LMC-S-03") is what lane devices are bound to.
 *
 * @param rfidReader whether the lane has an RFID reader: a lane with one waits, for the fusion
 *                   window, for both the plate and the tag before it decides
 */
public record Lane(String id, String controlPoint, Direction direction, boolean rfidReader) {

    public Lane(String id, String controlPoint, Direction direction) {
        this(id, controlPoint, direction, true);
    }
}
