import { describeChange } from '../lib/format';

interface KpiProps {
  label: string;
  value: string;
  sub?: string;
  changePct?: number | null;
  /** Show the change arrow (null percent = no comparison possible). */
  showChange?: boolean;
  testId?: string;
}

/** One KPI tile: a big number, what it is, and optionally its change vs the previous minute as arrow and %. */
export function KpiTile({ label, value, sub, changePct, showChange, testId }: KpiProps) {
  const change = describeChange(changePct);
  return (
    <section className="kpi card" aria-label={label} data-testid={testId}>
      <h3 className="kpi-label">{label}</h3>
      <p className="kpi-value" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </p>
      {showChange && (
        <p className={`kpi-change trend-${change.trend}`} data-testid={testId ? `${testId}-change` : undefined}>
          <span aria-hidden="true">
            {change.arrow} {change.label}
          </span>
          <span className="sr-only">{change.spoken}</span>
        </p>
      )}
      {sub && <p className="kpi-sub">{sub}</p>}
    </section>
  );
}
