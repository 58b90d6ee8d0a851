package hk.seamless.audit;

/** One raw entry of a log, as the audit trail reads it: not decoded until it matches. */
public record LoggedEntry(long sequence, long atMillis, byte[] payload) {}
