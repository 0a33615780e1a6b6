-- The 'source' rollup dimension: per business day (and over all time), per source within its channel, keyed
-- 'CHANNEL|source' (e.g. 'WEB|shopify:demo-shop.myshopify.com'; a source may sell through several channels).
-- Existing rows keep their dimensions, so the widened CHECK constraints accept them all.

ALTER TABLE daily_rollups DROP CONSTRAINT daily_rollups_dimension_check;
ALTER TABLE daily_rollups ADD CONSTRAINT daily_rollups_dimension_check
    CHECK (dimension IN ('total', 'channel', 'category', 'location', 'region', 'product', 'source'));
ALTER TABLE all_time_rollups DROP CONSTRAINT all_time_rollups_dimension_check;
ALTER TABLE all_time_rollups ADD CONSTRAINT all_time_rollups_dimension_check
    CHECK (dimension IN ('total', 'channel', 'category', 'location', 'region', 'product', 'source'));

-- Orders counted before this migration get their source rows from counted_orders, with the arithmetic of
-- Rollups.daily: revenue net of returns, SALE orders, net units. The ALTERs above lock both rollup tables until
-- this transaction commits; a batch still uncommitted then is not in counted_orders yet and adds its own source
-- rows afterwards (this version does). Replicas of the previous version, which add none, must not count while
-- and after this runs: upgrade them all together.
INSERT INTO daily_rollups (day, dimension, key, revenue, orders, units)
SELECT business_day, 'source', channel || '|' || source, sum(total), count(*) FILTER (WHERE type = 'SALE'),
       sum(units)
  FROM counted_orders
 GROUP BY business_day, channel, source
ON CONFLICT (day, dimension, key) DO NOTHING;

INSERT INTO all_time_rollups (dimension, key, revenue, orders, units)
SELECT 'source', key, sum(revenue), sum(orders), sum(units)
  FROM daily_rollups
 WHERE dimension = 'source'
 GROUP BY key
ON CONFLICT (dimension, key) DO NOTHING;
