package io.salespulse.devices.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.salespulse.devices.domain.Antenna;
import io.salespulse.devices.domain.Device;
import io.salespulse.devices.domain.DeviceKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DeviceRepository {
    private static final String INSERT = """
            INSERT INTO devices (device_id, kind, location_id, antennas, client_id, active)
            VALUES (?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (device_id) DO NOTHING""";
    private static final String UPDATE = """
            UPDATE devices SET kind = ?, location_id = ?, antennas = ?::jsonb, client_id = ?, active = ?,
                   updated_at = now()
            WHERE device_id = ?""";
    private static final String COLUMNS = "device_id, kind, location_id, antennas, client_id, active, created_at";
    private static final String FIND = "SELECT " + COLUMNS + " FROM devices WHERE device_id = ?";
    private static final String LIST = "SELECT " + COLUMNS + " FROM devices ORDER BY device_id LIMIT ?";
    private static final String LIST_BY_LOCATION =
            "SELECT " + COLUMNS + " FROM devices WHERE location_id = ? ORDER BY device_id LIMIT ?";

    private static final TypeReference<List<Antenna>> ANTENNAS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public DeviceRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** False when a device with that id already exists. */
    public boolean insert(Device d) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, d.deviceId());
            ps.setString(2, d.kind().name());
            ps.setString(3, d.locationId());
            ps.setString(4, json(d.antennas()));
            ps.setString(5, d.clientId());
            ps.setBoolean(6, d.active());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataException("insert device", e);
        }
    }

    /** False when no such device. */
    public boolean update(Device d) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE)) {
            ps.setString(1, d.kind().name());
            ps.setString(2, d.locationId());
            ps.setString(3, json(d.antennas()));
            ps.setString(4, d.clientId());
            ps.setBoolean(5, d.active());
            ps.setString(6, d.deviceId());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataException("update device", e);
        }
    }

    public Optional<Device> find(String deviceId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataException("find device", e);
        }
    }

    public List<Device> list(String locationId, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(locationId == null ? LIST : LIST_BY_LOCATION)) {
            int i = 1;
            if (locationId != null) {
                ps.setString(i++, locationId);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                var out = new ArrayList<Device>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new DataException("list devices", e);
        }
    }

    private Device map(ResultSet rs) throws SQLException {
        try {
            return new Device(rs.getString("device_id"), DeviceKind.valueOf(rs.getString("kind")),
                    rs.getString("location_id"), mapper.readValue(rs.getString("antennas"), ANTENNAS),
                    rs.getString("client_id"), rs.getBoolean("active"),
                    rs.getTimestamp("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new DataException("device antennas column", e);
        }
    }

    private String json(List<Antenna> antennas) {
        try {
            return mapper.writeValueAsString(antennas);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
