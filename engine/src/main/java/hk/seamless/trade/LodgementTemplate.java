package hk.seamless.trade;

import java.time.Instant;

/**
 * A lodgement form a shipper or agent saved to fill the next one from: the cargo information
 * without the expected date, which belongs to each lodgement.
 *
 * @param cargo the draft as JSON text, kept as sent (after its light checks): a draft need not be
 *              a valid lodgement yet, so it is not read into {@link CargoInformation}
 */
public record LodgementTemplate(String owner, String name, String cargo, Instant savedAt) {}
