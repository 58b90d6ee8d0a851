package hk.seamless.trade;

import java.math.BigDecimal;

/** Cargo in bulk: gross weight or gross volume, quantity if applicable, description. */
public record BulkCargo(BigDecimal grossWeightKg, BigDecimal grossVolumeM3, String quantity, String description) {}
