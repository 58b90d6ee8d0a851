package hk.seamless.trade;

import hk.seamless.store.RegistryWriter;
import java.time.Clock;

/** The registry side of the engine, assembled: its rules and the one writer they commit through. */
public record TradeRegistry(
        RegistryWriter writer,
        Accounts accounts,
        Vehicles vehicles,
        Consignments consignments,
        Bundles bundles,
        CargoInformationReader cargoReader,
        Clock clock) {}
