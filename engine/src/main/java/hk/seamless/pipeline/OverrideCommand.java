package hk.seamless.pipeline;

import java.util.concurrent.CompletableFuture;

/**
 * An officer's override of an arrival's decision, and where the outcome goes back to.
 *
 * @param decision         the decision the officer gives, or null to have the rules decide again
 *                         with the keyed {@code vehicleMark} (a REFER resolved by keying the mark)
 * @param inspectionResult required when an INSPECT is turned into a RELEASE
 * @param officerName      as the audit trail shows it to other officers (the account id stays the key)
 */
public record OverrideCommand(
        String arrivalId,
        Verdict decision,
        String reason,
        String inspectionResult,
        String vehicleMark,
        String officer,
        String officerName,
        CompletableFuture<String> outcome) {}
