package io.salespulse.devices.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.salespulse.devices.domain.Device;
import io.salespulse.devices.domain.DeviceService;
import io.salespulse.devices.domain.ReaderPayloadParser;
import io.salespulse.devices.domain.RfidService;
import io.salespulse.devices.domain.ScanService;
import io.salespulse.devices.messaging.KafkaSlowException;
import io.salespulse.support.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;

/**
 * Live stations: the same scan and read batches as the HTTP endpoints, one JSON message each, over one connection.
 * The handshake carries the device token (Authorization header), checked like every other path; each message names
 * its device and is authorised against the token exactly as over HTTP. Every message gets one JSON answer:
 * {@code {"type":"scans"|"reads"|"error", "result"|"status","detail"}}.
 * <pre>
 * {"type":"scans","deviceId":"scanner-st001","basketId":"B1","scans":[{"code":"4006381333931"}],"checkout":true}
 * {"type":"reads","deviceId":"fx9600-st001","payload":[ Zebra IoT Connector events ] | "Impinj lines"}
 * </pre>
 */
@WebSocket(path = "/ws/devices")
@RolesAllowed("device")
public class DeviceSocket {
    private final DeviceService devices;
    private final ScanService scans;
    private final RfidService rfid;
    private final ReaderPayloadParser parser;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    public DeviceSocket(DeviceService devices, ScanService scans, RfidService rfid, ObjectMapper mapper,
                        SecurityIdentity identity) {
        this.devices = devices;
        this.scans = scans;
        this.rfid = rfid;
        this.parser = new ReaderPayloadParser(mapper);
        this.mapper = mapper;
        this.identity = identity;
    }

    /** Blocking (worker thread): it may wait for the database and the broker's ack. */
    @OnTextMessage
    public String onMessage(String text) {
        try {
            JsonNode msg = mapper.readTree(text);
            String type = msg.path("type").asText("");
            Device device = devices.authorize(msg.path("deviceId").asText(""),
                    identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null);
            Object result = switch (type) {
                case "scans" -> scan(device, msg);
                case "reads" -> {
                    JsonNode payload = msg.path("payload");
                    String body = payload.isTextual() ? payload.asText() : mapper.writeValueAsString(payload);
                    yield rfid.ingest(device, parser.parse(body, Instant.now()));
                }
                default -> throw new ProblemException(400, "Bad Request", "type must be scans or reads");
            };
            return mapper.writeValueAsString(Map.of("type", type, "result", result));
        } catch (ProblemException e) {
            return error(e.problem().status(), e.problem().detail());
        } catch (KafkaSlowException e) {
            return error(503, "event broker is slow; retry later");
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return error(400, "unreadable message");
        } catch (RuntimeException e) {
            Log.errorf(e, "device socket message failed");
            return error(500, "internal error");
        }
    }

    private ScanService.Outcome scan(Device device, JsonNode msg) {
        String basketId = msg.path("basketId").asText(null);
        if (basketId == null || basketId.isBlank() || basketId.length() > 64) {
            throw new ProblemException(400, "Bad Request", "basketId is required");
        }
        var list = new ArrayList<ScanService.Scan>();
        for (JsonNode s : msg.path("scans")) {
            int qty = s.path("quantity").asInt(1);
            if (qty < 1 || qty > 1000) {
                throw new ProblemException(400, "Bad Request", "quantity must be 1..1000");
            }
            list.add(new ScanService.Scan(s.path("code").asText(""), qty));
        }
        if (list.size() > 1000) {
            throw new ProblemException(400, "Bad Request", "at most 1000 scans per message");
        }
        return scans.scan(device, basketId, list, msg.path("checkout").asBoolean(false));
    }

    private String error(int status, String detail) {
        try {
            return mapper.writeValueAsString(Map.of("type", "error", "status", status, "detail", detail));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{\"type\":\"error\",\"status\":500}";
        }
    }
}
