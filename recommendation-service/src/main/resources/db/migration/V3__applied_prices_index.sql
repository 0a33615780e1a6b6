-- GET /recommendations/pricing/applied lists applied suggestions newest first; only applied rows are indexed.
CREATE INDEX price_suggestions_applied_at_idx ON price_suggestions (applied_at DESC, suggestion_id)
    WHERE applied_at IS NOT NULL;
