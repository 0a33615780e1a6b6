/**
 * Money without floating point: amounts travel as decimal strings ("12.90") or numbers with at most two decimals,
 * and are summed here as integer cents.
 */
export function toCents(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0;
  const text = typeof value === 'number' ? value.toFixed(2) : value.trim();
  const match = /^(-)?(\d*)(?:\.(\d{0,2})\d*)?$/.exec(text);
  if (!match) return Number.NaN;
  const [, sign, whole, fraction = ''] = match;
  const cents = Number(whole || '0') * 100 + Number((fraction + '00').slice(0, 2));
  return sign ? -cents : cents;
}

/** "12.90" from 1290: the wire format of the order API. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A price typed by a person: digits with at most two decimals (a comma is accepted as the decimal mark). */
export function parsePrice(input: string): number | null {
  const text = input.trim().replace(',', '.');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(text)) return null;
  return toCents(text);
}
