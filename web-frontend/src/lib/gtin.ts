/** GS1 identifiers a scanner reads: GTIN-8, UPC-A (12), EAN-13 and GTIN-14, with their check digit. */
export function isGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  const digits = code.split('').map(Number);
  const check = digits.pop()!;
  // Weights 3,1,3,1… from the digit next to the check digit leftwards.
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/** What a scanned or typed code most likely is. */
export function classifyCode(raw: string): { kind: 'gtin' | 'sku' | 'text'; code: string } {
  const code = raw.trim();
  if (/^\d{8,14}$/.test(code)) return { kind: 'gtin', code };
  if (/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(code) && /[-\d]/.test(code)) return { kind: 'sku', code };
  return { kind: 'text', code };
}
