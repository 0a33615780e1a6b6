import { describe, expect, it, vi } from 'vitest';
import { centsToDecimal, parsePrice, toCents } from './money';
import { describeChange, formatMoney } from './format';
import { classifyCode, isGtin } from './gtin';
import { toCsv } from './csv';
import { WedgeDetector } from './wedge';
import { uuid } from './uuid';

describe('money', () => {
  it('adds up decimal strings exactly in cents', () => {
    expect(toCents('0.10') + toCents('0.20')).toBe(30);
    expect(toCents('1520330.45')).toBe(152033045);
    expect(toCents(-12.9)).toBe(-1290);
    expect(toCents('2.5')).toBe(250);
    expect(centsToDecimal(30)).toBe('0.30');
    expect(centsToDecimal(-1290)).toBe('-12.90');
  });

  it('accepts prices people type, with at most two decimals', () => {
    expect(parsePrice('2,50')).toBe(250);
    expect(parsePrice(' 3 ')).toBe(300);
    expect(parsePrice('1.999')).toBeNull();
    expect(parsePrice('-1')).toBeNull();
    expect(parsePrice('abc')).toBeNull();
  });
});

describe('format', () => {
  it('formats money in the reporting currency', () => {
    expect(formatMoney('1520330.45', 'EUR')).toBe('€1,520,330.45');
    expect(formatMoney(null)).toBe('—');
  });

  it('describes the change vs the previous minute as arrow and percent', () => {
    expect(describeChange(10.8)).toMatchObject({ trend: 'up', arrow: '▲', label: '+10.8%' });
    expect(describeChange(-25)).toMatchObject({ trend: 'down', arrow: '▼', label: '-25.0%' });
    expect(describeChange(0)).toMatchObject({ trend: 'flat', label: '0.0%' });
    // null: the previous minute had no revenue, so no percentage exists
    expect(describeChange(null)).toMatchObject({ trend: 'none', label: 'n/a' });
  });
});

describe('gtin', () => {
  it('checks the GS1 check digit of EAN-13, UPC-A, GTIN-8 and GTIN-14', () => {
    expect(isGtin('4006381333931')).toBe(true);
    expect(isGtin('4006381333932')).toBe(false);
    expect(isGtin('036000291452')).toBe(true);
    expect(isGtin('96385074')).toBe(true);
    expect(isGtin('10012345678902')).toBe(true);
    expect(isGtin('12345')).toBe(false);
  });

  it('tells GTINs, SKUs and names apart', () => {
    expect(classifyCode(' 4012345610017 ').kind).toBe('gtin');
    expect(classifyCode('SKU-COLA-330').kind).toBe('sku');
    expect(classifyCode('cola').kind).toBe('text');
  });
});

describe('csv', () => {
  it('quotes separators and neutralises formulas', () => {
    const csv = toCsv(['a', 'b', 'c'], [['x,y', 'say "hi"', '=SUM(A1)'], [-12.5, null, '-cmd']]);
    expect(csv).toBe('a,b,c\r\n"x,y","say ""hi""",\'=SUM(A1)\r\n-12.5,,\'-cmd\r\n');
  });
});

describe('keyboard-wedge scanner detection', () => {
  it('reports a fast burst ending in Enter as a scan', () => {
    const onScan = vi.fn();
    const w = new WedgeDetector(onScan);
    let t = 1000;
    for (const ch of '4012345610017') w.key(ch, (t += 8));
    expect(w.key('Enter', (t += 8))).toBe(true);
    expect(onScan).toHaveBeenCalledWith('4012345610017');
  });

  it('ignores a person typing slowly or a short burst', () => {
    const onScan = vi.fn();
    const w = new WedgeDetector(onScan);
    let t = 0;
    for (const ch of '40123456') w.key(ch, (t += 200));
    expect(w.key('Enter', (t += 200))).toBe(false);
    for (const ch of '123') w.key(ch, (t += 5));
    w.key('Enter', (t += 5));
    expect(onScan).not.toHaveBeenCalled();
  });
});

describe('uuid', () => {
  it('makes v4 UUIDs', () => {
    expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
