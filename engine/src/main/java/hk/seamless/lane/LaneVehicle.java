package hk.seamless.lane;

/** The lane side's view of a registered vehicle: its mark and RFID tag. */
public record LaneVehicle(String registrationMark, String rfidTag) {}
