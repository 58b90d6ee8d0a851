package hk.seamless.device;

import hk.seamless.pipeline.ReadOrigin;

/** A read from a device the engine polls: nobody waits for its answer, which reaches the gate anyway. */
enum DeviceReadOrigin implements ReadOrigin {
    INSTANCE;

    @Override
    public void accepted(String arrivalId) {}

    @Override
    public void repeated(String arrivalId) {}

    @Override
    public void decided(String decisionJson) {}

    @Override
    public void failed(String reason) {}
}
