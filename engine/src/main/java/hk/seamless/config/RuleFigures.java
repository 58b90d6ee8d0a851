package hk.seamless.config;

import java.time.Duration;
import java.time.Period;
import java.util.OptionalLong;

/**
 * The figures the clearance rules are applied with: how long after bundling a vehicle may cross,
 * how far ahead a consignment may be lodged, how often vehicles are picked at random for inspection,
 * and how long a lane waits to fuse its reads into one arrival. Together because they are "the rules in force"
 * that {@code GET /api/v1/settings} publishes and the lane simulator plans its runs with.
 *
 * @param bundlingLead         a bundle's earliest crossing is its bundling time plus this lead
 * @param lodgementWindow      how long before the goods' expected date a declaration may be lodged
 * @param randomInspectionRate the share (0 to 1) of vehicles inspected at random, at each control
 *                             point that does not set its own
 * @param randomSeed           the seed of the random draws (reproducible runs); empty: unseeded
 * @param fusionWindow         how long a lane waits for the other sensor's read of a vehicle
 */
public record RuleFigures(
        Duration bundlingLead,
        Period lodgementWindow,
        double randomInspectionRate,
        OptionalLong randomSeed,
        Duration fusionWindow) {

    /** Hong Kong's figures: a 30-minute lead, 14 days' lodgement, 3 % inspected, a 1-second fusion window. */
    public static RuleFigures defaults() {
        return new RuleFigures(
                Duration.ofMinutes(30), Period.ofDays(14), 0.03, OptionalLong.empty(), Duration.ofSeconds(1));
    }

    public RuleFigures withRandomSelection(double rate, OptionalLong seed) {
        return new RuleFigures(bundlingLead, lodgementWindow, rate, seed, fusionWindow);
    }
}
