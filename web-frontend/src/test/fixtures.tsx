import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { Api } from '../api/endpoints';
import type { AnalyticsSnapshot, Location, OrderRecorded, Product } from '../api/types';
import { SessionContext } from '../auth/AuthContext';
import { CatalogContext, makeCatalog } from '../components/Catalog';
import { LiveConnection } from '../live/LiveConnection';
import { LiveProvider } from '../live/LiveContext';
import { LiveStore } from '../live/liveStore';

/** Object mothers for the API shapes (demo catalog values). */
export const aProduct = (over: Partial<Product> = {}): Product => ({
  id: 'P-1001',
  sku: 'SKU-COLA-330',
  gtin: '4012345610017',
  name: 'Cola 330 ml',
  categoryId: 'soft-drinks',
  unitPrice: 1.99,
  unitCost: 0.6,
  currency: 'EUR',
  attributes: {},
  active: true,
  ...over,
});

export const aLocation = (over: Partial<Location> = {}): Location => ({
  id: 'ST-001',
  name: 'London Soho',
  kind: 'STORE',
  region: 'UK South',
  country: 'GB',
  latitude: 51.5136,
  longitude: -0.1365,
  timeZone: 'Europe/London',
  active: true,
  ...over,
});

export const aSnapshot = (over: Partial<AnalyticsSnapshot> = {}): AnalyticsSnapshot => ({
  generatedAt: '2025-06-02T09:41:27.512Z',
  timeZone: 'UTC',
  currency: 'EUR',
  totalRevenue: '1520330.45',
  totalOrders: 40211,
  totalUnits: 98110,
  today: { date: '2025-06-02', revenue: '18250.00', orders: 412, units: 1033 },
  lastMinute: {
    windowEnd: '2025-06-02T09:41:27Z',
    revenue: '310.20',
    orders: 9,
    previousRevenue: '280.00',
    previousOrders: 8,
    revenueChange: '30.20',
    revenueChangePct: 10.8,
  },
  topProducts: [{ productId: 'P-1001', name: 'Cola 330 ml', units: 42, revenue: '83.58' }],
  topProductsByUnits: [],
  topProductsLastMinute: [],
  topProductsLastMinuteByUnits: [],
  topProductsAllTime: [],
  topProductsAllTimeByUnits: [],
  byChannel: [{ key: 'STORE', revenue: '5120.75', orders: 120, units: 310 }],
  bySource: [{ channel: 'STORE', source: 'store:ST-001', revenue: '5120.75', orders: 120, units: 310 }],
  byCategory: [{ key: 'soft-drinks', revenue: '2000.00', orders: 50, units: 100 }],
  byLocation: [{ key: 'ST-001', revenue: '5120.75', orders: 120, units: 310 }],
  byRegion: [{ key: 'UK South', revenue: '5120.75', orders: 120, units: 310 }],
  lastHour: Array.from({ length: 60 }, (_, i) => ({ minute: new Date(Date.UTC(2025, 5, 2, 8, 42 + i)).toISOString(), revenue: '10.00', orders: 1 })),
  daily: [{ date: '2025-06-02', revenue: '18250.00', orders: 412 }],
  ...over,
});

export const anOrderRecorded = (over: Partial<OrderRecorded> = {}): OrderRecorded => ({
  orderId: '0b9c2b0e-0000-4000-8000-000000000001',
  type: 'SALE',
  channel: 'STORE',
  source: 'store:ST-001',
  externalId: 'R-1',
  locationId: 'ST-001',
  region: 'UK South',
  occurredAt: '2025-06-02T09:41:27.120Z',
  recordedAt: '2025-06-02T09:41:27.301Z',
  currency: 'EUR',
  total: '5.97',
  units: 3,
  lineCount: 1,
  items: [{ productId: 'P-1001', name: 'Cola 330 ml', quantity: 3, lineTotal: '5.97' }],
  ...over,
});

/** An Api whose every call fails unless the test gives it an implementation. */
export function fakeApi(over: Partial<Record<keyof Api, unknown>> = {}): Api {
  const notFound = () => Promise.reject(new Error('not stubbed'));
  const api: Record<string, unknown> = {
    http: {},
    analytics: vi.fn(notFound),
    trends: vi.fn(notFound),
    wsTicket: vi.fn(() => new Promise(() => undefined)),
    createOrder: vi.fn(notFound),
    orders: vi.fn(() => Promise.resolve({ items: [], page: 0, size: 10, totalItems: 0 })),
    orderSources: vi.fn(() => Promise.resolve([])),
    order: vi.fn(notFound),
    returnable: vi.fn(notFound),
    products: vi.fn(() => Promise.resolve({ items: [], page: 0, size: 10, totalItems: 0 })),
    product: vi.fn(notFound),
    productByGtin: vi.fn(notFound),
    productBySku: vi.fn(notFound),
    updateProduct: vi.fn(notFound),
    locations: vi.fn(() => Promise.resolve({ items: [], page: 0, size: 200, totalItems: 0 })),
    inventory: vi.fn(() => Promise.resolve({ items: [], page: 0, size: 25, totalItems: 0 })),
    setThresholds: vi.fn(notFound),
    adjust: vi.fn(notFound),
    alerts: vi.fn(() => Promise.resolve({ items: [], page: 0, size: 25, totalItems: 0 })),
    acknowledgeAlert: vi.fn(notFound),
    recommendations: vi.fn(notFound),
    applyPriceSuggestion: vi.fn(notFound),
    expiringLots: vi.fn(() => Promise.resolve([])),
    ...over,
  };
  return api as unknown as Api;
}

export interface Harness {
  api: Api;
  store: LiveStore;
}

/** Renders inside a session with the given roles, a catalog, and a live store the test feeds itself. */
export function renderWithSession(
  ui: ReactNode,
  { roles = ['clerk'], api = fakeApi(), products = [aProduct()], locations = [aLocation()], staffLocations = [] }: { roles?: string[]; api?: Api; products?: Product[]; locations?: Location[]; staffLocations?: string[] } = {},
) {
  const store = new LiveStore();
  const connection = new LiveConnection({ ticket: () => new Promise(() => undefined), url: (t) => t, createSocket: () => { throw new Error('no socket in tests'); } });
  connection.onStatus((s) => store.setStatus(s));
  const auth = { username: 'tester', roles, locations: staffLocations, token: async () => 'token', logout: async () => undefined };
  const result = render(
    <SessionContext.Provider value={{ auth, api }}>
      <LiveProvider live={{ store, connection }}>
        <CatalogContext.Provider value={makeCatalog(locations, products)}>{ui}</CatalogContext.Provider>
      </LiveProvider>
    </SessionContext.Provider>,
  );
  return { ...result, api, store };
}
