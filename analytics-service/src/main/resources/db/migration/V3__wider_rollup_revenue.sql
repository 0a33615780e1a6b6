-- A single order may be worth up to 999,999,999,999.99 (NUMERIC(14,2), as order-service stores it), so rollups of the
-- same width could overflow on the sum of two such orders: every later sale of that day or of all time would then be
-- refused by the database and dead-lettered, and the totals would stop. Sums get 6 more integer digits.
ALTER TABLE daily_rollups    ALTER COLUMN revenue TYPE NUMERIC(20,2);
ALTER TABLE all_time_rollups ALTER COLUMN revenue TYPE NUMERIC(20,2);
