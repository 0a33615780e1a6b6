import { describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { Dashboard } from './Dashboard';
import { KpiTile } from '../components/Kpi';
import { aSnapshot, anOrderRecorded, fakeApi, renderWithSession } from '../test/fixtures';
import { mapPoints, radius } from '../components/StoreMap';
import { aLocation } from '../test/fixtures';
import { render } from '@testing-library/react';

/** Renders and lets the effects that load data settle inside act(). */
async function renderAsync(options: Parameters<typeof renderWithSession>[1]) {
  let result: ReturnType<typeof renderWithSession> | undefined;
  await act(async () => {
    result = renderWithSession(<Dashboard />, options);
  });
  return result!;
}

describe('Dashboard', () => {
  it('says which orders in other currencies are not in the figures until a rate covers them', async () => {
    const api = fakeApi({ analytics: vi.fn(() => new Promise(() => undefined)) });
    const { store } = await renderAsync({ roles: ['clerk'], api });
    await act(async () => store.dispatch({ type: 'analytics.snapshot', data: aSnapshot() }));
    expect(screen.queryByTestId('awaiting-fx')).not.toBeInTheDocument();

    const waiting = aSnapshot({
      awaitingExchangeRate: [
        { currency: 'GBP', orders: 1, oldestOccurredAt: '2025-06-02T09:12:03Z' },
        { currency: 'USD', orders: 3, oldestOccurredAt: '2025-06-02T09:30:00Z' },
      ],
    });
    await act(async () => store.dispatch({ type: 'analytics.snapshot', data: waiting }));
    expect(screen.getByTestId('awaiting-fx')).toHaveTextContent('1 order in GBP, 3 orders in USD');
    expect(screen.getByTestId('awaiting-fx')).toHaveTextContent('No exchange rate into EUR');

    await act(async () => store.dispatch({ type: 'order.recorded', data: anOrderRecorded({ externalId: 'FX-1', total: '9.20', originalCurrency: 'USD', originalTotal: '10.00' }) }));
    const converted = screen.getAllByTestId('feed-item').find((li) => li.dataset.externalId === 'FX-1')!;
    expect(converted).toHaveTextContent('€9.20');
    expect(converted).toHaveTextContent('(US$10.00)');
  });

  it('shows the KPI tiles from the live snapshot and updates them as snapshots arrive', async () => {
    const api = fakeApi({ analytics: vi.fn(() => new Promise(() => undefined)) });
    const { store } = await renderAsync({ roles: ['clerk'], api });
    expect(screen.getByText('Loading figures…')).toBeInTheDocument();
    await act(async () => store.dispatch({ type: 'analytics.snapshot', data: aSnapshot() }));
    expect(screen.getByTestId('kpi-total-value')).toHaveTextContent('€1,520,330.45');
    expect(screen.getByTestId('kpi-today-value')).toHaveTextContent('€18,250.00');
    expect(screen.getByTestId('kpi-last-minute-value')).toHaveTextContent('€310.20');
    expect(screen.getByTestId('kpi-last-minute-change')).toHaveTextContent('▲ +10.8%');
    expect(screen.getByTestId('kpi-last-minute-change')).toHaveClass('trend-up');
    expect(screen.getByTestId('kpi-orders-minute-value')).toHaveTextContent('9');

    const next = aSnapshot({
      generatedAt: '2025-06-02T09:41:28.512Z',
      lastMinute: { ...aSnapshot().lastMinute, revenue: '200.00', orders: 10, revenueChangePct: -28.6 },
    });
    await act(async () => store.dispatch({ type: 'analytics.snapshot', data: next }));
    expect(screen.getByTestId('kpi-last-minute-value')).toHaveTextContent('€200.00');
    expect(screen.getByTestId('kpi-last-minute-change')).toHaveTextContent('▼ -28.6%');
    expect(screen.getByTestId('kpi-orders-minute-value')).toHaveTextContent('10');
  });

  it('puts a recorded order at the top of the live feed', async () => {
    const { store } = await renderAsync({ roles: ['clerk'] });
    await act(async () => store.dispatch({ type: 'analytics.snapshot', data: aSnapshot() }));
    expect(screen.getByText(/No orders yet/)).toBeInTheDocument();
    await act(async () => store.dispatch({ type: 'order.recorded', data: anOrderRecorded({ externalId: 'E-1' }) }));
    await act(async () => store.dispatch({ type: 'order.recorded', data: anOrderRecorded({ orderId: 'o-2', externalId: 'E-2', occurredAt: '2025-06-02T09:42:00Z', total: '12.90', items: [{ productId: 'P-1005', name: 'Olive oil', quantity: 2, lineTotal: '12.90' }] }) }));
    const items = within(screen.getByTestId('order-feed')).getAllByTestId('feed-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveAttribute('data-external-id', 'E-2');
    expect(items[0]).toHaveTextContent('2× Olive oil');
    expect(items[0]).toHaveTextContent('€12.90');
    expect(items[0]).toHaveTextContent('London Soho');
  });

  it('offers weekly and monthly trends only to roles that may read them', async () => {
    const { store, unmount } = await renderAsync({ roles: ['clerk'] });
    await act(async () => store.dispatch({ type: 'analytics.snapshot', data: aSnapshot() }));
    expect(screen.queryByRole('button', { name: 'Weekly' })).not.toBeInTheDocument();
    unmount();
    const r = await renderAsync({ roles: ['analyst'] });
    await act(async () => r.store.dispatch({ type: 'analytics.snapshot', data: aSnapshot() }));
    expect(screen.getByRole('button', { name: 'Weekly' })).toBeInTheDocument();
  });

  it('splits today by source, grouped under each channel with its share of the channel', async () => {
    const { store } = await renderAsync({ roles: ['clerk'] });
    const snapshot = aSnapshot({
      byChannel: [
        { key: 'WEB', revenue: '400.00', orders: 10, units: 20 },
        { key: 'STORE', revenue: '100.00', orders: 4, units: 9 },
      ],
      bySource: [
        { channel: 'WEB', source: 'shopify:demo-shop.myshopify.com', revenue: '300.00', orders: 7, units: 14 },
        { channel: 'WEB', source: 'woocommerce:shop.example', revenue: '100.00', orders: 3, units: 6 },
        { channel: 'STORE', source: 'store:ST-001', revenue: '100.00', orders: 4, units: 9 },
      ],
    });
    await act(async () => store.dispatch({ type: 'analytics.snapshot', data: snapshot }));
    const card = screen.getByTestId('by-source');
    expect(within(card).getByRole('heading', { name: 'Revenue by source' })).toBeInTheDocument();
    const groups = within(card).getAllByTestId('source-group');
    expect(groups.map((g) => g.getAttribute('data-channel'))).toEqual(['WEB', 'STORE']);
    const webRows = within(groups[0]).getAllByTestId('source-row');
    expect(webRows.map((r) => r.getAttribute('data-source'))).toEqual(['shopify:demo-shop.myshopify.com', 'woocommerce:shop.example']);
    expect(webRows[0]).toHaveTextContent('€300.00');
    expect(webRows[0]).toHaveTextContent('75%');
    expect(webRows[1]).toHaveTextContent('25%');
    // On a phone each figure is labelled from data-label (the column headers are hidden there).
    expect([...webRows[0].querySelectorAll('td')].map((td) => [td.dataset.label, td.textContent])).toEqual([
      ['Orders', '7'],
      ['Revenue', '€300.00'],
      ['Share of channel', '75%'],
    ]);
    expect(groups[0]).toHaveTextContent('€400.00');
    // The channel card is still there next to it.
    expect(screen.getByRole('heading', { name: 'Revenue by channel' })).toBeInTheDocument();
  });

  it('says there are no sales by source yet for a snapshot without them', async () => {
    const { store } = await renderAsync({ roles: ['clerk'] });
    await act(async () => store.dispatch({ type: 'analytics.snapshot', data: aSnapshot({ bySource: undefined }) }));
    expect(within(screen.getByTestId('by-source')).getByText('No sales today yet.')).toBeInTheDocument();
  });

  it('shows when the live feed is not connected', async () => {
    await renderAsync({});
    expect(screen.getByTestId('live-status')).toHaveTextContent('Connecting…');
  });
});

describe('KPI tile', () => {
  it('says n/a (not 0%) when there was no revenue the minute before', () => {
    render(<KpiTile label="Last minute" value="€5.00" showChange changePct={null} testId="k" />);
    expect(screen.getByTestId('k-change')).toHaveTextContent('n/a');
    expect(screen.getByTestId('k-change')).toHaveTextContent('no sales in the previous minute');
  });
});

describe('store map', () => {
  it('places located stores with their revenue and sizes circles by area', () => {
    const points = mapPoints([aLocation(), aLocation({ id: 'X', latitude: null, longitude: null })], [{ key: 'ST-001', revenue: '100.00', orders: 3, units: 5 }]);
    expect(points).toEqual([expect.objectContaining({ id: 'ST-001', revenueCents: 10000, orders: 3 })]);
    expect(radius(10000, 10000)).toBe(28);
    expect(radius(2500, 10000)).toBe(14);
    expect(radius(0, 10000)).toBe(4);
  });
});
