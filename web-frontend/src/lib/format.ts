import { toCents } from './money';

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', compact
      ? { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }
      : { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formatters.set(key, f);
  }
  return f;
}

/** "€1,520,330.45" from "1520330.45" (string or number); "—" when there is nothing. */
export function formatMoney(value: string | number | null | undefined, currency = 'EUR'): string {
  if (value === null || value === undefined || value === '') return '—';
  return currencyFormat(currency, false).format(toCents(value) / 100);
}

/** "€1.5M": for axis ticks and tight tiles. */
export function formatMoneyCompact(value: string | number, currency = 'EUR'): string {
  return currencyFormat(currency, true).format(toCents(value) / 100);
}

const integer = new Intl.NumberFormat('en-GB');
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : integer.format(value);
}

export type Trend = 'up' | 'down' | 'flat' | 'none';

/** Direction and label of a change in percent; null means "no previous value to compare with". */
export function describeChange(pct: number | null | undefined): { trend: Trend; arrow: string; label: string; spoken: string } {
  if (pct === null || pct === undefined || Number.isNaN(pct)) {
    return { trend: 'none', arrow: '–', label: 'n/a', spoken: 'no sales in the previous minute to compare with' };
  }
  if (pct > 0) return { trend: 'up', arrow: '▲', label: `+${pct.toFixed(1)}%`, spoken: `up ${pct.toFixed(1)} percent on the previous minute` };
  if (pct < 0) return { trend: 'down', arrow: '▼', label: `${pct.toFixed(1)}%`, spoken: `down ${Math.abs(pct).toFixed(1)} percent on the previous minute` };
  return { trend: 'flat', arrow: '▶', label: '0.0%', spoken: 'unchanged on the previous minute' };
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const minuteFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export const formatTime = (iso: string) => timeFormat.format(new Date(iso));
export const formatMinute = (iso: string) => minuteFormat.format(new Date(iso));
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTimeFormat.format(new Date(iso)) : '—');

/** "5 s ago", "3 min ago". */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.round(m / 60)} h ago`;
}
