package hk.seamless.audit;

import java.util.List;

/**
 * One page of the audit trail, newest first.
 *
 * @param next where the following page starts, or null when the logs are read to their start (or
 *             past the query's {@code from})
 */
public record AuditPage(List<AuditEntry> entries, AuditCursor next) {}
