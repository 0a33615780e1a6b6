-- Registered scanners, RFID readers and POS gateways. A device authenticates as its own Keycloak client
-- (client_id) and may only report for its own location.
CREATE TABLE devices (
    device_id   VARCHAR(64)  PRIMARY KEY,
    kind        VARCHAR(16)  NOT NULL CHECK (kind IN ('SCANNER', 'RFID_READER', 'POS_GATEWAY')),
    location_id VARCHAR(64)  NOT NULL,
    -- [{"antenna":1,"zone":"EXIT"}, ...]: the zone each antenna (or scanner lane) covers
    antennas    JSONB        NOT NULL DEFAULT '[]'::jsonb,
    client_id   VARCHAR(255) NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- GET /devices?locationId=... lists a location's devices
CREATE INDEX devices_location_idx ON devices (location_id, device_id);
