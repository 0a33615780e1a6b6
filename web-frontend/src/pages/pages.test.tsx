import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../api/http';
import { visibleNav } from '../App';
import { can } from '../auth/roles';
import { nextSort } from '../components/SortHeader';
import { fillPercent, stockStatus } from '../components/StockLevel';
import { Orders, buildReturn, ordersCsv, ordersQuery, returnableByLine, sourceOptions } from './Orders';
import { Inventory, validThresholds, withLiveLevel } from './Inventory';
import { Alerts, mergeAlerts } from './Alerts';
import { ExpiringLots } from './ExpiringLots';
import { Recommendations, groupByLocation } from './Recommendations';
import type { InventoryRow, OrderDetail, OrderSummary, StockAlert } from '../api/types';
import { aLocation, aProduct, fakeApi, renderWithSession } from '../test/fixtures';

const anOrder = (over: Partial<OrderSummary> = {}): OrderSummary => ({
  orderId: '11111111-1111-4111-8111-111111111111',
  eventId: '22222222-2222-4222-8222-222222222222',
  type: 'SALE',
  channel: 'STORE',
  source: 'store:ST-001',
  externalId: 'R-1',
  locationId: 'ST-001',
  region: 'UK South',
  occurredAt: '2025-03-01T10:00:00Z',
  recordedAt: '2025-03-01T10:00:00.412Z',
  currency: 'EUR',
  total: 20,
  itemCount: 2,
  returnOf: null,
  ...over,
});

const aRow = (over: Partial<InventoryRow> = {}): InventoryRow => ({
  productId: 'P-1001', locationId: 'ST-001', onHand: 400, reserved: 0, available: 400, reorderPoint: 60, criticalLevel: 20, targetLevel: 400,
  thresholdsExplicit: true, status: 'OK', oversold: false, salesVelocityPerHour: 0, predictedStockoutAt: null, causeEventId: null, updatedAt: '2025-06-02T09:00:00Z', ...over,
});

const anAlert = (over: Partial<StockAlert> = {}): StockAlert => ({
  alertId: 'a1', type: 'LOW_STOCK', state: 'RAISED', productId: 'P-1001', locationId: 'ST-001', message: 'Stock 50 at or below reorder point 60', details: {}, raisedAt: '2025-06-02T09:00:00Z', ...over,
});

describe('roles', () => {
  it('offers each role only what the gateway allows', () => {
    const labels = (roles: string[]) => visibleNav(roles).map((n) => n.label);
    expect(labels(['clerk'])).toEqual(['Dashboard', 'Sales entry', 'Orders', 'Inventory', 'Alerts']);
    expect(labels(['analyst'])).toEqual(['Dashboard', 'Orders', 'Inventory', 'Alerts', 'Recommendations']);
    expect(labels(['manager'])).toContain('Sales entry');
    expect(labels(['admin'])).toHaveLength(6);
    expect(labels(['device'])).toEqual([]);
    expect(can(['manager'], 'applyPrice')).toBe(true);
    expect(can(['clerk'], 'acknowledgeAlerts')).toBe(false);
  });
});

describe('orders', () => {
  it('turns filters into the API query', () => {
    const now = new Date('2025-06-02T12:00:00Z');
    expect(ordersQuery({ range: 'hour', from: '', to: '', channel: 'WEB', source: 'shopify:demo-shop.myshopify.com', locationId: '', productId: 'P-1001', type: 'SALE' }, now)).toStrictEqual({
      from: '2025-06-02T11:00:00.000Z', to: undefined, channel: 'WEB', source: 'shopify:demo-shop.myshopify.com', locationId: undefined, productId: 'P-1001', type: 'SALE',
    });
    const all = ordersQuery({ range: 'all', from: '', to: '', channel: '', source: '', locationId: 'ST-001', productId: '', type: '' }, now);
    expect(all.from).toBeUndefined();
    expect(all.source).toBeUndefined();
  });

  it('offers the sources of the chosen channel, or each source once with its channels', () => {
    const sources = [
      { channel: 'WEB' as const, source: 'shopify:demo-shop.myshopify.com', orders: 1200 },
      { channel: 'MARKETPLACE' as const, source: 'shopify:demo-shop.myshopify.com', orders: 30 },
      { channel: 'STORE' as const, source: 'store:ST-001', orders: 4 },
      { channel: 'API' as const, source: 'api:erp', orders: 7 },
    ];
    expect(sourceOptions(sources, '')).toEqual([
      { value: 'api:erp', label: 'api:erp · API (7)' },
      { value: 'shopify:demo-shop.myshopify.com', label: 'shopify:demo-shop.myshopify.com · WEB, MARKETPLACE (1,230)' },
      { value: 'store:ST-001', label: 'store:ST-001 · STORE (4)' },
    ]);
    expect(sourceOptions(sources, 'MARKETPLACE')).toEqual([{ value: 'shopify:demo-shop.myshopify.com', label: 'shopify:demo-shop.myshopify.com (30)' }]);
    expect(sourceOptions(sources, 'RFID')).toEqual([]);
  });

  it('filters by a source chosen from GET /api/orders/sources, next to the channel filter', async () => {
    const orders = vi.fn(async (q: Record<string, unknown>) => ({ items: [anOrder()], page: q.page, size: q.size, totalItems: 1 }));
    const orderSources = vi.fn(async () => [
      { channel: 'WEB', source: 'shopify:demo-shop.myshopify.com', orders: 12 },
      { channel: 'STORE', source: 'store:ST-001', orders: 3 },
    ]);
    renderWithSession(<Orders />, { roles: ['analyst'], api: fakeApi({ orders, orderSources }) });
    const select = screen.getByLabelText('Source');
    await waitFor(() => expect(select.querySelectorAll('option')).toHaveLength(3));
    expect(screen.getByRole('option', { name: 'store:ST-001 · STORE (3)' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Channel'), 'WEB');
    expect(select.querySelectorAll('option')).toHaveLength(2);
    await user.selectOptions(select, 'shopify:demo-shop.myshopify.com');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(orders).toHaveBeenLastCalledWith(expect.objectContaining({ channel: 'WEB', source: 'shopify:demo-shop.myshopify.com', page: 0 }), expect.anything()),
    );
    // Another channel drops a source that is not one of its own.
    await user.selectOptions(screen.getByLabelText('Channel'), 'STORE');
    expect(select).toHaveValue('');
    expect(screen.getByRole('columnheader', { name: /Source/ })).toBeInTheDocument();
    expect(screen.getByText('store:ST-001', { selector: 'td' })).toBeInTheDocument();
  });

  it('sorts by a column, flipping on a second click', () => {
    expect(nextSort('-occurredAt', 'occurredAt')).toBe('occurredAt');
    expect(nextSort('occurredAt', 'occurredAt')).toBe('-occurredAt');
    expect(nextSort('-occurredAt', 'total')).toBe('-total');
    expect(nextSort('-occurredAt', 'channel', false)).toBe('channel');
  });

  it('exports CSV with every field', () => {
    const csv = ordersCsv([anOrder({ total: -5.5, type: 'RETURN', returnOf: 'R-0' })]);
    expect(csv.split('\r\n')[0]).toBe('orderId,eventId,type,channel,source,externalId,locationId,region,occurredAt,recordedAt,currency,total,itemCount,returnOf');
    expect(csv).toContain(',RETURN,STORE,store:ST-001,R-1,ST-001,UK South,2025-03-01T10:00:00Z,2025-03-01T10:00:00.412Z,EUR,-5.50,2,R-0');
  });

  it('builds a return of the chosen units', () => {
    const detail: OrderDetail = { ...anOrder(), lines: [
      { lineNo: 0, productId: 'P-1001', sku: 'S', name: 'Cola', category: 'soft', quantity: 2, unitPrice: 1.99, lineTotal: 3.98 },
      { lineNo: 1, productId: 'P-1002', sku: 'T', name: 'Water', category: 'water', quantity: 1, unitPrice: 1, lineTotal: 1 },
    ] };
    expect(buildReturn(detail, { 0: 1, 1: 0 })).toEqual({
      type: 'RETURN', returnOf: detail.eventId, channel: 'STORE', source: 'store:ST-001', locationId: 'ST-001', currency: 'EUR',
      lines: [{ productId: 'P-1001', quantity: 1, unitPrice: '1.99' }],
    });
  });

  it('offers only what is left to return, a product over its lines in line order', () => {
    const line = (lineNo: number, productId: string, quantity: number) =>
      ({ lineNo, productId, sku: null, name: productId, category: null, quantity, unitPrice: 1, lineTotal: quantity });
    const detail = { ...anOrder(), lines: [line(0, 'P-1001', 2), line(1, 'P-1002', 1), line(2, 'P-1001', 3)] } as OrderDetail;
    const returnable = { orderId: detail.orderId, eventId: detail.eventId, lines: [
      { productId: 'P-1001', sku: null, sold: 5, returned: 1, returnable: 4 },
      { productId: 'P-1002', sku: null, sold: 1, returned: 1, returnable: 0 },
    ] };
    expect(returnableByLine(detail, returnable)).toEqual({ 0: 2, 1: 0, 2: 2 });
    // order-service did not answer: every sold unit (ingest still checks the return).
    expect(returnableByLine(detail, null)).toEqual({ 0: 2, 1: 1, 2: 3 });
  });

  it('starts a return with what is left and says when nothing is', async () => {
    const detail = { ...anOrder(), lines: [
      { lineNo: 0, productId: 'P-1001', sku: 'S', name: 'Cola', category: 'soft', quantity: 2, unitPrice: 1.99, lineTotal: 3.98 },
    ] } as OrderDetail;
    const left = { orderId: detail.orderId, eventId: detail.eventId, lines: [{ productId: 'P-1001', sku: 'S', sold: 2, returned: 1, returnable: 1 }] };
    const returnable = vi.fn(async () => left);
    renderWithSession(<Orders />, { roles: ['clerk'], api: fakeApi({
      orders: vi.fn(async () => ({ items: [anOrder()], page: 0, size: 25, totalItems: 1 })),
      order: vi.fn(async () => detail),
      returnable,
    }) });
    const user = userEvent.setup();
    await user.click(await screen.findByText('R-1'));
    await user.click(await screen.findByRole('button', { name: 'Start a return' }));
    expect(returnable).toHaveBeenCalledWith(detail.eventId);
    expect(await screen.findByLabelText('Units of Cola to return')).toHaveValue(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    left.lines[0] = { ...left.lines[0], returned: 2, returnable: 0 };
    await user.click(screen.getByRole('button', { name: 'Start a return' }));
    expect(await screen.findByText('Everything of this sale has come back already')).toBeInTheDocument();
  });

  it('lists orders, sorts on a header click and pages', async () => {
    const orders = vi.fn(async (q: Record<string, unknown>) => ({ items: [anOrder()], page: q.page, size: q.size, totalItems: 60 }));
    renderWithSession(<Orders />, { roles: ['analyst'], api: fakeApi({ orders }) });
    expect(await screen.findByText('R-1')).toBeInTheDocument();
    expect(orders).toHaveBeenLastCalledWith(expect.objectContaining({ sort: '-occurredAt', page: 0, size: 25 }), expect.anything());
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Total/ }));
    await waitFor(() => expect(orders).toHaveBeenLastCalledWith(expect.objectContaining({ sort: '-total' }), expect.anything()));
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await waitFor(() => expect(orders).toHaveBeenLastCalledWith(expect.objectContaining({ page: 1 }), expect.anything()));
    expect(screen.getByText(/26–50 of 60/)).toBeInTheDocument();
  });
});

describe('inventory', () => {
  it('classifies levels like inventory-service', () => {
    expect(stockStatus(-1, 20, 60)).toBe('OVERSOLD');
    expect(stockStatus(0, 20, 60)).toBe('OUT');
    expect(stockStatus(20, 20, 60)).toBe('CRITICAL');
    expect(stockStatus(60, 20, 60)).toBe('LOW');
    expect(stockStatus(61, 20, 60)).toBe('OK');
    expect(fillPercent(200, 400, 60)).toBe(50);
    expect(fillPercent(-3, 400, 60)).toBe(0);
  });

  it('lets a newer live level overtake the listed row', () => {
    const row = aRow();
    const live = { productId: 'P-1001', locationId: 'ST-001', onHand: 10, reserved: 2, reorderPoint: 60, criticalLevel: 20, targetLevel: 400, status: 'CRITICAL' as const, causeEventId: null, updatedAt: '2025-06-02T09:05:00Z' };
    expect(withLiveLevel(row, live)).toMatchObject({ onHand: 10, available: 8, status: 'CRITICAL' });
    expect(withLiveLevel(row, { ...live, updatedAt: '2025-06-02T08:00:00Z' })).toBe(row);
  });

  it('validates thresholds', () => {
    expect(validThresholds({ reorderPoint: 60, criticalLevel: 20, targetLevel: 400 })).toBeNull();
    expect(validThresholds({ reorderPoint: 10, criticalLevel: 20, targetLevel: 400 })).toMatch(/critical/);
    expect(validThresholds({ reorderPoint: -1, criticalLevel: 0, targetLevel: 0 })).toMatch(/whole numbers/);
  });

  it('shows levels with their indicator; only managers edit reorder points', async () => {
    const inventory = vi.fn(async () => ({ items: [aRow({ onHand: 15, available: 15, status: 'CRITICAL' })], page: 0, size: 25, totalItems: 1 }));
    const { unmount } = renderWithSession(<Inventory />, { roles: ['clerk'], api: fakeApi({ inventory }), products: [aProduct()] });
    const level = await screen.findByTestId('level');
    expect(level).toHaveAttribute('data-status', 'CRITICAL');
    expect(level).toHaveTextContent('Critical');
    expect(screen.queryByRole('button', { name: /Edit thresholds/ })).not.toBeInTheDocument();
    expect(screen.queryByText('Record a stock adjustment')).not.toBeInTheDocument();
    unmount();
    const setThresholds = vi.fn(async () => aRow());
    renderWithSession(<Inventory />, { roles: ['manager'], api: fakeApi({ inventory, setThresholds }) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Edit thresholds of Cola 330 ml/ }));
    const rp = screen.getByLabelText('Reorder point');
    await user.clear(rp);
    await user.type(rp, '80');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(setThresholds).toHaveBeenCalledWith('P-1001', 'ST-001', { reorderPoint: 80, criticalLevel: 20, targetLevel: 400 }));
    expect(screen.getByText('Record a stock adjustment')).toBeInTheDocument();
  });
});

describe('map labels', () => {
  it('moves a label that would cover its neighbour to another side', async () => {
    const { placeLabels } = await import('../components/StoreMap');
    const labels = placeLabels([
      { id: 'MAN', x: 100, y: 100, r: 4, text: 'Manchester' },
      { id: 'WEB', x: 104, y: 96, r: 4, text: 'Online' },
    ]);
    expect(labels.MAN.anchor).toBe('start');
    expect(labels.WEB.anchor).not.toBe('start');
  });
});

describe('alerts', () => {
  it('merges live alerts into the list', () => {
    const listed = [anAlert()];
    const live = [anAlert({ alertId: 'a2', occurredAt: '2025-06-02T09:10:00Z', raisedAt: undefined }), anAlert({ state: 'RESOLVED' })];
    const merged = mergeAlerts(listed, live, { state: '', type: '' }, true);
    expect(merged.map((a) => [a.alertId, a.state])).toEqual([['a2', 'RAISED'], ['a1', 'RESOLVED']]);
    // a listed alert that got resolved stays in the "raised" view, marked resolved, until the list is reloaded
    expect(mergeAlerts(listed, live, { state: 'RAISED', type: '' }, true).map((a) => [a.alertId, a.state])).toEqual([['a2', 'RAISED'], ['a1', 'RESOLVED']]);
    expect(mergeAlerts(listed, live, { state: 'RESOLVED', type: '' }, true).map((a) => a.alertId)).toEqual(['a1']);
  });

  it('lets managers acknowledge', async () => {
    const acknowledgeAlert = vi.fn(async () => anAlert({ state: 'ACKNOWLEDGED', acknowledgedBy: 'manager' }));
    renderWithSession(<Alerts />, { roles: ['manager'], api: fakeApi({ alerts: vi.fn(async () => ({ items: [anAlert()], page: 0, size: 25, totalItems: 1 })), acknowledgeAlert }) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    expect(acknowledgeAlert).toHaveBeenCalledWith('a1');
    expect(await screen.findByText(/acknowledged by manager/)).toBeInTheDocument();
  });

  it('does not offer acknowledgement to a clerk', async () => {
    renderWithSession(<Alerts />, { roles: ['clerk'], api: fakeApi({ alerts: vi.fn(async () => ({ items: [anAlert()], page: 0, size: 25, totalItems: 1 })) }) });
    expect(await screen.findByText('Stock 50 at or below reorder point 60')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
  });
});

describe('batches and expiry', () => {
  it('lists expiring and expired lots soonest first', async () => {
    const lots = [
      { lotId: 1, productId: 'P-1001', locationId: 'ST-001', lotCode: 'L-OLD', expiresOn: '2026-11-20', daysToExpiry: -1, expired: true, receivedAt: '2026-11-01T08:00:00Z', quantityOnHand: 4 },
      { lotId: 2, productId: 'P-1001', locationId: 'ST-001', lotCode: 'L-NEXT', expiresOn: '2026-11-25', daysToExpiry: 4, expired: false, receivedAt: '2026-11-10T08:00:00Z', quantityOnHand: 12 },
    ];
    const expiringLots = vi.fn(async () => lots);
    renderWithSession(<ExpiringLots locationId="ST-001" />, { roles: ['clerk'], api: fakeApi({ expiringLots }) });
    expect(await screen.findByText('L-OLD')).toBeInTheDocument();
    expect(screen.getByText('expired')).toBeInTheDocument();
    expect(screen.getByText('in 4 d')).toBeInTheDocument();
    expect(expiringLots).toHaveBeenCalledWith(14, 'ST-001', expect.anything());
  });
});

describe('recommendations', () => {
  it('says clearly that the service is not available yet', async () => {
    renderWithSession(<Recommendations />, { roles: ['analyst'], api: fakeApi({ recommendations: vi.fn(() => Promise.reject(new ApiError(502, null))) }) });
    expect(await screen.findByTestId('recommendations-unavailable')).toHaveTextContent('Recommendations are not available yet');
  });

  it('shows suggestions with reason and source; managers apply a price', async () => {
    const recs = {
      generatedAt: '2025-06-02T09:00:00Z', source: 'llm:gpt', weather: [{ locationId: 'ST-001', summary: 'Hot', temperatureC: 31 }],
      promotions: [{ productId: 'P-1001', locationId: 'ST-001', action: 'Bundle', reason: 'Heatwave: cold drinks sell', expectedImpact: '+12% units', confidence: 0.7 }],
      pricing: [{ productId: 'P-1001', locationId: 'ST-001', currentPrice: '1.99', suggestedPrice: '2.19', changePct: 10.1, reason: 'Demand above forecast', source: 'rules' }],
    };
    const updateProduct = vi.fn(async (p) => p);
    renderWithSession(<Recommendations />, { roles: ['manager'], api: fakeApi({ recommendations: vi.fn(async () => recs), product: vi.fn(async () => aProduct()), updateProduct }) });
    expect(await screen.findByText('Heatwave: cold drinks sell')).toBeInTheDocument();
    expect(screen.getByText('Demand above forecast')).toBeInTheDocument();
    expect(screen.getByText('LLM (llm:gpt)')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: /^Apply price/ }));
    await waitFor(() => expect(updateProduct).toHaveBeenCalledWith(expect.objectContaining({ id: 'P-1001', unitPrice: 2.19 })));
  });

  it('applies a stored suggestion through recommendation-service, which re-checks the price', async () => {
    const recs = {
      generatedAt: '2026-07-15T12:00:00Z', source: 'rules', warnings: [],
      weather: [{ locationId: 'ST-001', source: 'climatology', condition: 'CLEAR', temperatureC: 29.4 }],
      promotions: [],
      pricing: [{ id: 'sugg-1', productId: 'P-1001', locationId: 'ST-001', currentPrice: 1.9, suggestedPrice: 2.0, changePct: 5.3, reason: 'Fast mover' }],
    };
    const applyPriceSuggestion = vi.fn(async () => ({}));
    const updateProduct = vi.fn(async (p) => p);
    renderWithSession(<Recommendations />, { roles: ['manager'], api: fakeApi({ recommendations: vi.fn(async () => recs), product: vi.fn(async () => aProduct()), applyPriceSuggestion, updateProduct }) });
    expect(await screen.findByText('clear')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: /^Apply price/ }));
    await waitFor(() => expect(applyPriceSuggestion).toHaveBeenCalledWith('sugg-1'));
    expect(updateProduct).not.toHaveBeenCalled();
  });

  const twoStores = {
    generatedAt: '2026-07-15T12:00:00Z', source: 'rules', warnings: [],
    weather: [
      { locationId: 'ST-002', condition: 'RAIN', temperatureC: 14, precipitationMm: 6 },
      { locationId: 'ST-001', condition: 'CLEAR', temperatureC: 29 },
    ],
    promotions: [
      { productId: 'P-1001', locationId: 'ST-002', action: 'Discount', reason: 'Rain keeps people in' },
      { productId: 'P-1001', locationId: 'ST-001', action: 'Bundle', reason: 'Heatwave: cold drinks sell' },
    ],
    pricing: [
      { id: 'sugg-2', productId: 'P-1001', locationId: 'ST-002', currentPrice: 2.2, suggestedPrice: 2.0, changePct: -9.1, reason: 'Slow in the rain' },
      { id: 'sugg-1', productId: 'P-1001', locationId: 'ST-001', currentPrice: 2.2, suggestedPrice: 2.4, changePct: 9.1, reason: 'Fast mover' },
    ],
  };
  const stores = [aLocation(), aLocation({ id: 'ST-002', name: 'Berlin Mitte' })];

  it('groups suggestions by location in catalog order, unknown locations last', () => {
    const groups = groupByLocation({ ...twoStores, pricing: [...twoStores.pricing, { ...twoStores.pricing[0], locationId: 'ST-099' }] }, ['ST-001', 'ST-002']);
    expect(groups.map((g) => g.locationId)).toEqual(['ST-001', 'ST-002', 'ST-099']);
    expect(groups[1].promotions.map((p) => p.reason)).toEqual(['Rain keeps people in']);
    expect(groups[1].pricing.map((p) => [p.id, p.index])).toEqual([['sugg-2', 0]]);
    expect(groups[1].weather[0].condition).toBe('RAIN');
    expect(groups[2]).toMatchObject({ weather: [], promotions: [], pricing: [{ index: 2 }] });
  });

  it('shows the first store by default and filters by location; "all" groups every location', async () => {
    const applyPriceSuggestion = vi.fn(async () => ({}));
    renderWithSession(<Recommendations />, {
      roles: ['manager'],
      locations: stores,
      api: fakeApi({ recommendations: vi.fn(async () => twoStores), product: vi.fn(async () => aProduct()), applyPriceSuggestion }),
    });
    const filter = await screen.findByLabelText('Suggestions for');
    expect(filter).toHaveValue('ST-001');
    const groups = () => screen.getAllByTestId('rec-location-group');
    expect(groups().map((g) => g.getAttribute('data-location'))).toEqual(['ST-001']);
    expect(screen.getByText('Heatwave: cold drinks sell')).toBeInTheDocument();
    expect(screen.queryByText('Rain keeps people in')).not.toBeInTheDocument();
    expect(within(groups()[0]).getByTestId('rec-weather')).toHaveTextContent('clear · 29 °C');

    const user = userEvent.setup();
    await user.selectOptions(filter, 'ST-002');
    expect(groups().map((g) => g.getAttribute('data-location'))).toEqual(['ST-002']);
    expect(within(groups()[0]).getByRole('heading', { level: 2 })).toHaveTextContent('Berlin Mitte');
    expect(screen.getByText('Slow in the rain')).toBeInTheDocument();
    expect(screen.queryByText('Fast mover')).not.toBeInTheDocument();
    // Applying a price still works on a filtered list, for the suggestion shown.
    await user.click(screen.getByRole('button', { name: 'Apply price €2.00 to Cola 330 ml at Berlin Mitte' }));
    await waitFor(() => expect(applyPriceSuggestion).toHaveBeenCalledWith('sugg-2'));
    expect(await screen.findByRole('status')).toHaveTextContent('Applied: now €2.00');

    await user.selectOptions(filter, 'all');
    expect(groups().map((g) => g.getAttribute('data-location'))).toEqual(['ST-001', 'ST-002']);
    expect(screen.getByText('Fast mover')).toBeInTheDocument();
    expect(screen.getByText('Slow in the rain')).toBeInTheDocument();
    // The weather overview stays complete whatever is filtered.
    expect(screen.getByText('rain')).toBeInTheDocument();
  });
});
