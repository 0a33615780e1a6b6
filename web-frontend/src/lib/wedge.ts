/**
 * A USB barcode scanner in keyboard-wedge mode "types" its code very fast and ends with Enter. This detector tells
 * such a burst from a person typing: every key within maxGapMs of the previous one, at least minLength characters.
 */
export class WedgeDetector {
  private buffer = '';
  private last = 0;

  constructor(
    private readonly onScan: (code: string) => void,
    private readonly maxGapMs = 50,
    private readonly minLength = 6,
  ) {}

  /** Feed one key; returns true when it completed a scan (the caller should then prevent the Enter's default). */
  key(key: string, timeMs: number): boolean {
    if (timeMs - this.last > this.maxGapMs) this.buffer = '';
    this.last = timeMs;
    if (key === 'Enter') {
      const code = this.buffer;
      this.buffer = '';
      if (code.length >= this.minLength) {
        this.onScan(code);
        return true;
      }
      return false;
    }
    if (key.length === 1) this.buffer += key;
    else if (key !== 'Shift') this.buffer = '';
    return false;
  }
}
