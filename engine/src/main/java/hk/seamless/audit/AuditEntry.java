package hk.seamless.audit;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to which subject, when and from where.
 *
 * @param log      which log it is in: {@code registry} (writes, settings, devices, accounts) or
 *                 {@code lane} (decisions, overrides, gate acknowledgements)
 * @param sequence the entry's sequence in that log (several lines may share one: a registry change
 *                 with several events)
 * @param who      the account id, or the engine part that acted ("lane LMC-1", "housekeeping")
 * @param from     the channel and address ("http 10.0.0.7", "ivrs", "lane LMC-1"), null when not known
 */
public record AuditEntry(
        String log, long sequence, Instant at, String who, String from, String action, String subject, String detail) {}
