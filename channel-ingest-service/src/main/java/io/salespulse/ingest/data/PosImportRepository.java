package io.salespulse.ingest.data;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** ingest.pos_imports: one row per upload, RUNNING until it ends COMPLETED or ABORTED. */
@ApplicationScoped
public class PosImportRepository {
    private static final String START = """
            INSERT INTO pos_imports (id, uploaded_by, status) VALUES (?, ?, 'RUNNING')""";
    private static final String FINISH = """
            UPDATE pos_imports
               SET status = ?, finished_at = now(), file_sha256 = ?, bytes = ?, row_count = ?, receipts = ?,
                   accepted = ?, duplicate_receipts = ?, rejected_rows = ?, error = ?
             WHERE id = ?""";
    private static final String PREVIOUS = """
            SELECT id FROM pos_imports
             WHERE file_sha256 = ? AND id <> ? AND status = 'COMPLETED'
             ORDER BY started_at DESC
             LIMIT 1""";

    private final DataSource dataSource;

    public PosImportRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void start(UUID id, String uploadedBy) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(START)) {
            statement.setObject(1, id);
            statement.setString(2, uploadedBy.length() > 200 ? uploadedBy.substring(0, 200) : uploadedBy);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Recording a POS import failed", e);
        }
    }

    public void finish(UUID id, boolean completed, Counts counts, String error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FINISH)) {
            statement.setString(1, completed ? "COMPLETED" : "ABORTED");
            statement.setString(2, counts.fileSha256());
            statement.setLong(3, counts.bytes());
            statement.setInt(4, counts.rows());
            statement.setInt(5, counts.receipts());
            statement.setInt(6, counts.accepted());
            statement.setInt(7, counts.duplicateReceipts());
            statement.setInt(8, counts.rejectedRows());
            statement.setString(9, error == null || error.length() <= 2000 ? error : error.substring(0, 2000));
            statement.setObject(10, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Recording the end of a POS import failed", e);
        }
    }

    /** The latest other completed import of the same file. */
    public Optional<UUID> previous(String fileSha256, UUID importId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PREVIOUS)) {
            statement.setString(1, fileSha256);
            statement.setObject(2, importId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Looking up earlier imports failed", e);
        }
    }

    /** The figures of an import (file hash null when it did not get that far). */
    public record Counts(String fileSha256, long bytes, int rows, int receipts, int accepted, int duplicateReceipts,
                         int rejectedRows) {
    }
}
