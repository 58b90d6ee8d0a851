package hk.seamless.trade;

import java.time.Instant;

/** A vehicle registered by its one owner, a trucker; the RFID tag lets a lane reader name it. */
public record Vehicle(String registrationMark, String display, String owner, String rfidTag, Instant registeredAt) {}
