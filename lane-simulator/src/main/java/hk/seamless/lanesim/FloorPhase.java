package hk.seamless.lanesim;

import java.net.http.HttpClient;

/**
 * The floor (--floor): the run's traffic, over the same client, transport and rate, against an echo
 * server on loopback that answers every plate and tag read with a fake decision at once. What that
 * takes is the simulator's own share of the latency; the report gives the engine's as a ratio to
 * it. The floor has no accounts, so its vehicles and device tokens are made up.
 */
final class FloorPhase {

    private FloorPhase() {}

    static RunResult run(RunPlan plan, TrafficOptions traffic, HttpClient lanesClient) throws Exception {
        try (FloorServer server = new FloorServer();
                LaneSockets floorSockets = new LaneSockets()) {
            System.out.println("floor: echo server on " + server.base());
            VehiclePools madeUp = VehiclePools.madeUp(plan.sizes(), new VehicleFactory(traffic.seed + 1));
            DeviceTokens fake = DeviceTokens.fake(plan.lanes());
            LaneRun run = new LaneRun(
                    plan.lanes(),
                    plan.schedule(),
                    madeUp,
                    null,
                    plan.settings().randomRates(),
                    traffic.seed,
                    plan.settings().confidenceThreshold(),
                    plan.settings().presenceWindow());
            run.connectGates(floorSockets, server.base(), fake);
            ReadSender sender = ReadSender.over(
                    traffic.transport,
                    floorSockets,
                    lanesClient,
                    LaneBases.single(server.base()),
                    plan.lanes(),
                    fake,
                    plan.buttons(),
                    run);
            return run.run(sender, plan.drainNanos(), System.out, "floor", traffic.duration.toNanos());
        }
    }
}
