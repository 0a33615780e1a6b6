package io.salespulse.devices.domain;

import io.salespulse.devices.data.DeviceRepository;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/** The device registry and the rule "a device reports only as itself, for its own location". */
@ApplicationScoped
public class DeviceService {
    private final DeviceRepository repository;

    public DeviceService(DeviceRepository repository) {
        this.repository = repository;
    }

    public Device register(Device device) {
        if (!repository.insert(device)) {
            throw new ProblemException(409, "Device exists", "device " + device.deviceId() + " is already registered");
        }
        return get(device.deviceId());
    }

    public Device update(Device device) {
        if (!repository.update(device)) {
            throw notFound(device.deviceId());
        }
        return get(device.deviceId());
    }

    public Device get(String deviceId) {
        return repository.find(deviceId).orElseThrow(() -> notFound(deviceId));
    }

    public List<Device> list(String locationId, int limit) {
        return repository.list(locationId, limit);
    }

    /**
     * The device {@code deviceId} as the calling device token may act for it: the token's client id ({@code azp} or
     * {@code client_id}) must be the device's registered client, and a {@code location_id} claim, when present,
     * must equal the device's location. Anything else is 403, never a silent re-attribution.
     */
    public Device authorize(String deviceId, JsonWebToken token) {
        Device device = repository.find(deviceId)
                .orElseThrow(() -> new ProblemException(403, "Forbidden", "not a device this client may report for"));
        String clientId = claim(token, "client_id");
        if (clientId == null) {
            clientId = claim(token, "azp");
        }
        if (clientId == null || !clientId.equals(device.clientId())) {
            throw new ProblemException(403, "Forbidden", "not a device this client may report for");
        }
        String location = claim(token, "location_id");
        if (location != null && !location.equals(device.locationId())) {
            throw new ProblemException(403, "Forbidden", "the token is bound to another location");
        }
        if (!device.active()) {
            throw new ProblemException(403, "Forbidden", "the device is deactivated");
        }
        return device;
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token == null ? null : token.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? null : text;
    }

    private static ProblemException notFound(String deviceId) {
        return new ProblemException(404, "Device not found", "no device " + deviceId);
    }
}
