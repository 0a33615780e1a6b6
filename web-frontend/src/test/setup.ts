import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no canvas: charts render their accessible label only.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];

// No network in unit tests: anything that still calls fetch (the map geometry) waits forever instead of failing late.
globalThis.fetch = (() => new Promise(() => undefined)) as typeof fetch;

afterEach(() => {
  cleanup();
  localStorage.clear();
});
