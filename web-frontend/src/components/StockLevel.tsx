import type { StockStatus } from '../api/types';

export const STATUS_LABEL: Record<StockStatus, string> = {
  OK: 'OK',
  LOW: 'Low',
  CRITICAL: 'Critical',
  OUT: 'Out of stock',
  OVERSOLD: 'Oversold',
};

/** Same rule as inventory-service (StockStatus.of), for levels changed on screen before the server says so. */
export function stockStatus(onHand: number, criticalLevel: number, reorderPoint: number): StockStatus {
  if (onHand < 0) return 'OVERSOLD';
  if (onHand === 0) return 'OUT';
  if (onHand <= criticalLevel) return 'CRITICAL';
  if (onHand <= reorderPoint) return 'LOW';
  return 'OK';
}

/** Fill of the level bar: on hand against the target level (the reorder point when no target). */
export function fillPercent(onHand: number, targetLevel: number, reorderPoint: number): number {
  const full = Math.max(targetLevel, reorderPoint * 2, 1);
  return Math.max(0, Math.min(100, (onHand / full) * 100));
}

/** A bar with the reorder point marked, and the status in words (colour is never the only signal). */
export function LevelIndicator({ status, onHand, targetLevel, reorderPoint }: { status: StockStatus; onHand: number; targetLevel: number; reorderPoint: number }) {
  const fill = fillPercent(onHand, targetLevel, reorderPoint);
  const mark = fillPercent(reorderPoint, targetLevel, reorderPoint);
  return (
    <div className={`level level-${status.toLowerCase()}`} data-testid="level" data-status={status}>
      <div className="level-bar" aria-hidden="true">
        <span className="level-fill" style={{ width: `${fill}%` }} />
        <span className="level-mark" style={{ left: `${mark}%` }} />
      </div>
      <span className="level-label">{STATUS_LABEL[status]}</span>
    </div>
  );
}
