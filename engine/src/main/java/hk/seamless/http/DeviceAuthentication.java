package hk.seamless.http;

import hk.seamless.lane.Device;
import hk.seamless.lane.DeviceKind;
import hk.seamless.lane.Devices;
import hk.seamless.trade.Accounts;
import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;

/**
 * A lane device proves itself with its bearer token, and may speak only for its own lane and only
 * as what it is: a camera's token on another lane, or posting tag reads, is a 403. So is a person's
 * token (an officer's, an admin's): a right token for the wrong caller, as the contract has it.
 */
public final class DeviceAuthentication {

    private final Devices devices;
    private final Accounts accounts;

    public DeviceAuthentication(Devices devices, Accounts accounts) {
        this.devices = devices;
        this.accounts = accounts;
    }

    /**
     * Closes {@code socket} when the device's token is rotated or the device revoked. Returns what
     * the socket's own close handler must run (forget the socket).
     */
    public Runnable closeOnRevocation(Device device, io.vertx.core.http.ServerWebSocket socket) {
        return devices.whileConnected(
                device.id(), () -> socket.close((short) 1008, "the device's token was rotated or revoked"));
    }

    public Device require(HttpServerRequest request, String laneId, DeviceKind... kinds) {
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        Device device =
                token == null || token.isEmpty() ? null : devices.byToken(token).orElse(null);
        if (device == null) {
            if (token != null && !token.isEmpty() && accounts.byToken(token).isPresent()) {
                throw new HttpProblem(
                        403, "Forbidden", "this is an account's token: only a lane device of this lane may send this");
            }
            throw new HttpProblem(401, "Unauthenticated", "a lane device's bearer token is required");
        }
        if (!device.lane().equals(laneId)) {
            throw new HttpProblem(
                    403, "Forbidden", "this device is bound to lane " + device.lane() + ", not " + laneId);
        }
        if (Arrays.stream(kinds).noneMatch(k -> k == device.kind())) {
            throw new HttpProblem(403, "Forbidden", "a " + device.kind() + " cannot send this message");
        }
        return device;
    }
}
