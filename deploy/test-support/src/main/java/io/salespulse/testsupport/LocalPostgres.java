package io.salespulse.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the zonky binaries (resolved through Maven). zonky runs initdb/pg_ctl inside
 * {@code unshare -U} when started as root, which PostgreSQL otherwise refuses.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String DATABASE = "salespulse";

    private final EmbeddedPostgres server;
    private final int port;

    private LocalPostgres(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts (or restarts on existing data) and makes sure the database, roles and schemas exist.
     *
     * @param durable fsync every commit, as production does (the local stack); tests trade that for speed
     */
    public static LocalPostgres start(int port, Path dataDir, Path initSql, boolean durable)
            throws IOException, SQLException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // zonky waits 10 s by default; on two cores beside a starting Keycloak that was once not enough.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .start();
        LocalPostgres postgres = new LocalPostgres(server, port);
        postgres.createDatabaseAndRoles(initSql);
        return postgres;
    }

    private void createDatabaseAndRoles(Path initSql) throws IOException, SQLException {
        try (Connection admin = superuserConnection("postgres"); Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + DATABASE);
                }
            }
        }
        String sql = Files.readString(initSql);
        try (Connection db = superuserConnection(DATABASE); Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    public Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
