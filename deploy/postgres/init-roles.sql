-- One schema and one login role per service (least privilege): a service can read and write only its own schema.
-- Used by deploy/local/stack (run as superuser in database salespulse) and by docker-compose
-- (/docker-entrypoint-initdb.d). Idempotent. Passwords here are demo-only: production sets them from its secret store
-- (ALTER ROLE ... PASSWORD) and gives the services the same values through QUARKUS_DATASOURCE_PASSWORD.
DO $$
DECLARE
    svc RECORD;
BEGIN
    FOR svc IN SELECT * FROM (VALUES
            ('ingest_svc', 'ingest'),
            ('orders_svc', 'orders'),
            ('inventory_svc', 'inventory'),
            ('analytics_svc', 'analytics'),
            ('recommendations_svc', 'recommendations'),
            ('devices_svc', 'devices')) AS s(role_name, schema_name)
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = svc.role_name) THEN
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', svc.role_name, svc.role_name || '-demo');
        END IF;
        EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', svc.schema_name, svc.role_name);
        EXECUTE format('ALTER ROLE %I SET search_path = %I', svc.role_name, svc.schema_name);
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), svc.role_name);
    END LOOP;
END
$$;

REVOKE ALL ON DATABASE salespulse FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
