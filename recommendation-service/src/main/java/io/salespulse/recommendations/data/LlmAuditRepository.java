package io.salespulse.recommendations.data;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** Writes {@code recommendations.llm_audit}: one row per LLM call, hashes instead of texts. */
@ApplicationScoped
public class LlmAuditRepository {

    private static final String INSERT = """
            INSERT INTO recommendations.llm_audit (called_at, provider, model, prompt_version, location_id,
                prompt_sha256, answer_sha256, latency_ms, prompt_tokens, completion_tokens, outcome, dropped_items, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    public enum Outcome { OK, INVALID, ERROR }

    public record AuditEntry(Instant calledAt, String provider, String model, String promptVersion, String locationId,
                             String promptSha256, String answerSha256, long latencyMs, Integer promptTokens,
                             Integer completionTokens, Outcome outcome, int droppedItems, String error) {
    }

    private final AgroalDataSource dataSource;

    LlmAuditRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(AuditEntry e) {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(INSERT)) {
            ps.setTimestamp(1, Timestamp.from(e.calledAt()));
            ps.setString(2, e.provider());
            ps.setString(3, e.model());
            ps.setString(4, e.promptVersion());
            ps.setString(5, e.locationId());
            ps.setString(6, e.promptSha256());
            ps.setString(7, e.answerSha256());
            ps.setInt(8, (int) Math.min(Integer.MAX_VALUE, e.latencyMs()));
            setInt(ps, 9, e.promptTokens());
            setInt(ps, 10, e.completionTokens());
            ps.setString(11, e.outcome().name());
            ps.setInt(12, e.droppedItems());
            ps.setString(13, e.error() == null ? null : e.error().substring(0, Math.min(500, e.error().length())));
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot write the LLM audit", ex);
        }
    }

    private static void setInt(java.sql.PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
