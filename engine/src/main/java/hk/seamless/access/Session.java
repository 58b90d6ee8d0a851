package hk.seamless.access;

import java.time.Instant;

/** A portal or console login, found by the hash of its cookie value. */
public record Session(String accountId, Instant expiresAt) {}
