package io.salespulse.devices.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.devices.domain.Antenna;
import io.salespulse.devices.domain.Device;
import io.salespulse.devices.domain.DeviceKind;
import io.salespulse.devices.domain.DeviceService;
import io.salespulse.devices.domain.ReaderPayloadParser;
import io.salespulse.devices.domain.RfidService;
import io.salespulse.devices.domain.ScanService;
import io.salespulse.devices.messaging.Observation;
import io.salespulse.support.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.List;

@Path("/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {
    private static final String ID = "^[A-Za-z0-9._:-]{1,64}$";

    private final DeviceService devices;
    private final ScanService scans;
    private final RfidService rfid;
    private final ReaderPayloadParser readerParser;
    private final JsonWebToken token;

    public DeviceResource(DeviceService devices, ScanService scans, RfidService rfid, ObjectMapper mapper,
                          JsonWebToken token) {
        this.devices = devices;
        this.scans = scans;
        this.rfid = rfid;
        this.readerParser = new ReaderPayloadParser(mapper);
        this.token = token;
    }

    public record AntennaDto(@Min(0) @Max(64) int antenna, @NotBlank @Size(max = 64) String zone) {
    }

    public record DeviceRequest(@NotBlank @Pattern(regexp = ID) String deviceId, @NotNull DeviceKind kind,
                                @NotBlank @Size(max = 64) String locationId,
                                @Size(max = 64) List<@Valid AntennaDto> antennas,
                                @NotBlank @Size(max = 255) String clientId, Boolean active) {
    }

    public record DeviceResponse(String deviceId, DeviceKind kind, String locationId, List<AntennaDto> antennas,
                                 String clientId, boolean active, Instant createdAt) {
        static DeviceResponse of(Device d) {
            return new DeviceResponse(d.deviceId(), d.kind(), d.locationId(),
                    d.antennas().stream().map(a -> new AntennaDto(a.antenna(), a.zone())).toList(), d.clientId(),
                    d.active(), d.createdAt());
        }
    }

    public record ScanDto(@NotBlank @Size(max = 64) String code, @Min(1) @Max(1000) Integer quantity,
                          Instant scannedAt) {
    }

    public record CheckoutDto(@NotBlank @Pattern(regexp = ID) String basketId) {
    }

    public record ScanBatch(@Pattern(regexp = ID) String basketId, @NotNull @Size(max = 1000) List<@Valid ScanDto> scans,
                            @Valid CheckoutDto checkout) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response register(@NotNull @Valid DeviceRequest request) {
        Device d = devices.register(toDevice(request.deviceId(), request));
        return Response.status(201).entity(DeviceResponse.of(d)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public DeviceResponse update(@PathParam("id") String id, @NotNull @Valid DeviceRequest request) {
        if (!id.equals(request.deviceId())) {
            throw new ProblemException(400, "Bad Request", "deviceId in the body must match the path");
        }
        return DeviceResponse.of(devices.update(toDevice(id, request)));
    }

    @GET
    @RolesAllowed({"admin", "manager"})
    public List<DeviceResponse> list(@QueryParam("locationId") String locationId,
                                     @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return devices.list(locationId, limit).stream().map(DeviceResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "manager"})
    public DeviceResponse get(@PathParam("id") String id) {
        return DeviceResponse.of(devices.get(id));
    }

    @POST
    @Path("/{id}/scans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("device")
    public ScanService.Outcome scan(@PathParam("id") String id, @NotNull @Valid ScanBatch batch) {
        Device device = devices.authorize(id, token);
        String basketId = batch.basketId() != null ? batch.basketId()
                : batch.checkout() != null ? batch.checkout().basketId() : null;
        if (basketId == null) {
            throw new ProblemException(400, "Bad Request", "basketId (or checkout.basketId) is required");
        }
        if (batch.checkout() != null && !batch.checkout().basketId().equals(basketId)) {
            throw new ProblemException(400, "Bad Request", "checkout.basketId must match basketId");
        }
        return scans.scan(device, basketId,
                batch.scans().stream().map(s -> new ScanService.Scan(s.code(), s.quantity())).toList(),
                batch.checkout() != null);
    }

    /** Zebra IoT Connector JSON (array) or Impinj JSON (lines); read as text so both shapes parse. */
    @POST
    @Path("/{id}/reads")
    @Consumes({MediaType.APPLICATION_JSON, "application/x-ndjson", MediaType.TEXT_PLAIN})
    @RolesAllowed("device")
    public RfidService.ReadsOutcome reads(@PathParam("id") String id, String body) {
        Device device = devices.authorize(id, token);
        ReaderPayloadParser.Parsed parsed;
        try {
            parsed = readerParser.parse(body == null ? "" : body, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Unreadable reader payload", e.getMessage());
        }
        return rfid.ingest(device, parsed);
    }

    public record CycleCountStarted(String deviceId, String zone, Instant startedAt) {
    }

    @POST
    @Path("/{id}/cycle-counts/start")
    @RolesAllowed("device")
    public CycleCountStarted startCount(@PathParam("id") String id, @QueryParam("zone") @Size(max = 64) String zone) {
        Device device = devices.authorize(id, token);
        var count = rfid.start(device, zone);
        return new CycleCountStarted(device.deviceId(), count.zone(), count.startedAt());
    }

    @POST
    @Path("/{id}/cycle-counts/stop")
    @RolesAllowed("device")
    public Observation stopCount(@PathParam("id") String id) {
        return rfid.stop(devices.authorize(id, token));
    }

    private static Device toDevice(String id, DeviceRequest r) {
        var antennas = r.antennas() == null ? List.<Antenna>of()
                : r.antennas().stream().map(a -> new Antenna(a.antenna(), a.zone())).toList();
        return new Device(id, r.kind(), r.locationId(), antennas, r.clientId(),
                r.active() == null || r.active(), null);
    }
}
