import { useEffect, useMemo, useState } from 'react';
import type { ChartData, ChartOptions } from 'chart.js';
import type { AnalyticsSnapshot, Breakdown, Granularity, Location, Money, SourceBreakdown } from '../api/types';
import type { FeedEntry } from '../live/liveStore';
import { useApi, useCan } from '../auth/AuthContext';
import { ChartCanvas, PALETTE } from '../components/ChartCanvas';
import { KpiTile } from '../components/Kpi';
import { LiveBadge } from '../components/LiveBadge';
import { OrderFeed } from '../components/OrderFeed';
import { StoreMap } from '../components/StoreMap';
import { TopProducts } from '../components/TopProducts';
import { useCatalog } from '../components/Catalog';
import { useAsync } from '../components/useAsync';
import { useLive, useLiveContext } from '../live/LiveContext';
import { formatCount, formatMinute, formatMoney, formatMoneyCompact } from '../lib/format';
import { toCents } from '../lib/money';

const euros = (v: string) => toCents(v) / 100;
const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

function moneyAxis(currency: string): ChartOptions<'bar' | 'line'>['scales'] {
  return {
    y: { beginAtZero: true, ticks: { callback: (v) => formatMoneyCompact(Number(v), currency) } },
    x: { ticks: { maxRotation: 0, autoSkipPadding: 12 } },
  };
}

export function Dashboard() {
  const api = useApi();
  const canTrends = useCan('trends');
  const { store } = useLiveContext();
  const snapshot = useLive((s) => s.snapshot);
  const feed = useLive((s) => s.feed);
  const catalog = useCatalog();
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  // Paint at once from REST; the socket's first snapshot follows within a second.
  useEffect(() => {
    api.analytics().then((s) => store.seedSnapshot(s), () => undefined);
    api.orders({ size: 10, sort: '-occurredAt' }).then(
      (page) =>
        store.seedFeed(
          page.items.map((o) => ({
            orderId: o.orderId,
            type: o.type,
            channel: o.channel,
            source: o.source,
            externalId: o.externalId,
            locationId: o.locationId,
            region: o.region ?? undefined,
            occurredAt: o.occurredAt,
            recordedAt: o.recordedAt,
            currency: o.currency,
            total: o.total.toFixed(2),
            units: o.type === 'RETURN' ? -o.itemCount : o.itemCount,
            lineCount: 0,
            items: [],
            receivedAt: 0,
          })),
        ),
      () => undefined,
    );
  }, [api, store]);

  return (
    <div className="page dashboard">
      <header className="page-header">
        <h1>Live dashboard</h1>
        <LiveBadge />
      </header>
      {!snapshot ? (
        <p className="loading">Loading figures…</p>
      ) : (
        <DashboardBody snapshot={snapshot} canTrends={canTrends} feed={feed} now={now} catalogLocations={catalog.locations} />
      )}
    </div>
  );
}

function DashboardBody({
  snapshot,
  canTrends,
  feed,
  now,
  catalogLocations,
}: {
  snapshot: AnalyticsSnapshot;
  canTrends: boolean;
  feed: FeedEntry[];
  now: number;
  catalogLocations: Location[];
}) {
  const c = snapshot.currency;
  const lm = snapshot.lastMinute;
  const orderDelta = lm.orders - lm.previousOrders;

  const lastHour = useMemo<ChartData<'bar'>>(
    () => ({
      labels: snapshot.lastHour.map((m) => formatMinute(m.minute)),
      datasets: [{ label: `Revenue per minute (${c})`, data: snapshot.lastHour.map((m) => euros(m.revenue)), backgroundColor: '#2563eb', borderRadius: 2 }],
    }),
    [snapshot.lastHour, c],
  );
  const lastHourTotal = snapshot.lastHour.reduce((s, m) => s + toCents(m.revenue), 0);

  const awaiting = snapshot.awaitingExchangeRate ?? [];

  return (
    <>
      {awaiting.length > 0 && (
        <p className="fx-warning" role="status" data-testid="awaiting-fx">
          Not in these figures yet: {awaiting.map((a) => `${plural(a.orders, 'order')} in ${a.currency}`).join(', ')}.
          No exchange rate into {c} covers their day; an admin sets one (PUT /api/analytics/exchange-rates/…) and they
          are counted at once.
        </p>
      )}
      <div className="kpi-grid">
        <KpiTile testId="kpi-total" label="Total revenue" value={formatMoney(snapshot.totalRevenue, c)} sub={`${plural(snapshot.totalOrders, 'order')} all time`} />
        <KpiTile testId="kpi-today" label="Today" value={formatMoney(snapshot.today.revenue, c)} sub={`${plural(snapshot.today.orders, 'order')} · ${plural(snapshot.today.units, 'unit')}`} />
        <KpiTile
          testId="kpi-last-minute"
          label="Last minute"
          value={formatMoney(lm.revenue, c)}
          showChange
          changePct={lm.revenueChangePct}
          sub={`previous minute ${formatMoney(lm.previousRevenue, c)}`}
        />
        <KpiTile
          testId="kpi-orders-minute"
          label="Orders last minute"
          value={formatCount(lm.orders)}
          sub={`${orderDelta >= 0 ? '+' : ''}${orderDelta} vs previous minute (${lm.previousOrders})`}
        />
      </div>

      <div className="grid-2-1">
        <section className="card" aria-labelledby="h-last-hour">
          <h2 id="h-last-hour">Revenue per minute, last hour</h2>
          <ChartCanvas
            type="bar"
            data={lastHour}
            options={{ plugins: { legend: { display: false } }, scales: moneyAxis(c) as ChartOptions<'bar'>['scales'] }}
            label={`Revenue per minute over the last hour, ${formatMoney(lastHourTotal / 100, c)} in total`}
            height={240}
          />
        </section>
        <section className="card feed-card" aria-labelledby="h-feed">
          <h2 id="h-feed">Live orders</h2>
          <OrderFeed feed={feed} now={now} />
        </section>
      </div>

      <div className="grid-2-1">
        <TrendsCard snapshot={snapshot} canTrends={canTrends} />
        <section className="card" aria-labelledby="h-top">
          <h2 id="h-top">Top products today</h2>
          <TopProducts products={snapshot.topProducts.slice(0, 8)} currency={c} />
        </section>
      </div>

      <div className="grid-1-2">
        <BreakdownCard id="channel" title="Revenue by channel" rows={snapshot.byChannel} currency={c} kind="doughnut" />
        <SourceBreakdownCard byChannel={snapshot.byChannel} bySource={snapshot.bySource ?? []} currency={c} />
      </div>

      <div className="grid-2">
        <BreakdownCard id="category" title="Revenue by category" rows={snapshot.byCategory} currency={c} kind="bar" />
        <BreakdownCard id="region" title="Revenue by region" rows={snapshot.byRegion} currency={c} kind="bar" />
      </div>

      <section className="card" aria-labelledby="h-map">
        <h2 id="h-map">Stores and regions today</h2>
        <StoreMap locations={catalogLocations} byLocation={snapshot.byLocation} byRegion={snapshot.byRegion} currency={c} />
      </section>
    </>
  );
}

function TrendsCard({ snapshot, canTrends }: { snapshot: AnalyticsSnapshot; canTrends: boolean }) {
  const api = useApi();
  const [granularity, setGranularity] = useState<Granularity>('day');
  const periods = granularity === 'day' ? 30 : granularity === 'week' ? 12 : 12;
  // Daily figures come with every snapshot; weekly and monthly ones from the trends API (not for clerks).
  const trends = useAsync(
    (signal) => (granularity === 'day' || !canTrends ? Promise.resolve(null) : api.trends(granularity, periods, signal)),
    [granularity, canTrends],
  );
  const c = snapshot.currency;
  const points =
    granularity === 'day'
      ? snapshot.daily.map((d) => ({ label: d.date.slice(5), revenue: d.revenue }))
      : (trends.data?.points ?? []).map((p) => ({ label: p.period, revenue: p.revenue }));
  const data = useMemo<ChartData<'line'>>(
    () => ({
      labels: points.map((p) => p.label),
      datasets: [
        {
          label: `Revenue (${c})`,
          data: points.map((p) => euros(p.revenue)),
          borderColor: '#059669',
          backgroundColor: 'rgba(5,150,105,0.12)',
          fill: true,
          tension: 0.25,
          pointRadius: 2,
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(points), c],
  );
  const options: Granularity[] = canTrends ? ['day', 'week', 'month'] : ['day'];
  return (
    <section className="card" aria-labelledby="h-trends">
      <div className="card-head">
        <h2 id="h-trends">Revenue trend</h2>
        {options.length > 1 && (
          <div className="segmented" role="group" aria-label="Trend granularity">
            {options.map((g) => (
              <button key={g} type="button" aria-pressed={granularity === g} onClick={() => setGranularity(g)}>
                {g === 'day' ? 'Daily' : g === 'week' ? 'Weekly' : 'Monthly'}
              </button>
            ))}
          </div>
        )}
      </div>
      {trends.error ? (
        <p className="error">Trends unavailable: {trends.error.message}</p>
      ) : (
        <ChartCanvas
          type="line"
          data={data}
          options={{ plugins: { legend: { display: false } }, scales: moneyAxis(c) as ChartOptions<'line'>['scales'] }}
          label={`Revenue per ${granularity} for the last ${points.length} periods`}
          height={240}
        />
      )}
    </section>
  );
}

export interface SourceGroup {
  channel: string;
  channelRevenue: Money;
  sources: SourceBreakdown[];
}

/** bySource as the card shows it: one group per channel, in the order the rows come (analytics groups them). */
export function groupByChannel(bySource: SourceBreakdown[], byChannel: Breakdown[]): SourceGroup[] {
  const groups: SourceGroup[] = [];
  for (const row of bySource) {
    let group = groups.find((g) => g.channel === row.channel);
    if (!group) {
      const channelRevenue = byChannel.find((b) => b.key === row.channel)?.revenue ?? row.revenue;
      group = { channel: row.channel, channelRevenue, sources: [] };
      groups.push(group);
    }
    group.sources.push(row);
  }
  return groups;
}

/** Today's revenue per source within its channel, with each source's share of its channel. */
function SourceBreakdownCard({ byChannel, bySource, currency }: { byChannel: Breakdown[]; bySource: SourceBreakdown[]; currency: string }) {
  const groups = useMemo(() => groupByChannel(bySource, byChannel), [bySource, byChannel]);
  const share = (part: Money, whole: Money) => {
    const w = toCents(whole);
    return w > 0 ? `${Math.round((toCents(part) * 100) / w)}%` : '—';
  };
  return (
    <section className="card" aria-labelledby="h-source" data-testid="by-source">
      <h2 id="h-source">Revenue by source</h2>
      {groups.length === 0 ? (
        <p className="empty">No sales today yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="h-source">
          <table className="data-table source-table">
            <caption className="sr-only">Today's revenue per source, grouped by channel</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col" className="num">
                  Orders
                </th>
                <th scope="col" className="num">
                  Revenue
                </th>
                <th scope="col" className="num">
                  Share of channel
                </th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.channel} data-testid="source-group" data-channel={g.channel}>
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={2}>
                    <span className={`chip chip-${g.channel.toLowerCase()}`}>{g.channel}</span>
                  </th>
                  <td className="num" data-label="Channel revenue">
                    {formatMoney(g.channelRevenue, currency)}
                  </td>
                  <td />
                </tr>
                {g.sources.map((s) => (
                  <tr key={s.source} data-testid="source-row" data-source={s.source}>
                    <th scope="row" className="source">
                      {s.source}
                    </th>
                    <td className="num" data-label="Orders">
                      {formatCount(s.orders)}
                    </td>
                    <td className="num" data-label="Revenue">
                      {formatMoney(s.revenue, currency)}
                    </td>
                    <td className="num" data-label="Share of channel">
                      {share(s.revenue, g.channelRevenue)}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

function BreakdownCard({ id, title, rows, currency, kind }: { id: string; title: string; rows: Breakdown[]; currency: string; kind: 'bar' | 'doughnut' }) {
  const sorted = useMemo(() => [...rows].sort((a, b) => toCents(b.revenue) - toCents(a.revenue)).slice(0, 10), [rows]);
  const data = useMemo(
    () => ({
      labels: sorted.map((r) => r.key),
      datasets: [
        {
          label: `Revenue (${currency})`,
          data: sorted.map((r) => euros(r.revenue)),
          backgroundColor: kind === 'doughnut' ? sorted.map((_, i) => PALETTE[i % PALETTE.length]) : '#7c3aed',
          borderRadius: kind === 'bar' ? 3 : 0,
        },
      ],
    }),
    [sorted, currency, kind],
  );
  const summary = sorted.map((r) => `${r.key} ${formatMoney(r.revenue, currency)}`).join(', ') || 'no sales today';
  return (
    <section className="card" aria-labelledby={`h-${id}`}>
      <h2 id={`h-${id}`}>{title}</h2>
      {sorted.length === 0 ? (
        <p className="empty">No sales today yet.</p>
      ) : kind === 'doughnut' ? (
        <ChartCanvas
          type="doughnut"
          data={data as ChartData<'doughnut'>}
          options={{ plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } } }}
          label={`${title}: ${summary}`}
        />
      ) : (
        <ChartCanvas
          type="bar"
          data={data as ChartData<'bar'>}
          options={{
            indexAxis: 'y',
            plugins: { legend: { display: false } },
            scales: { x: { beginAtZero: true, ticks: { callback: (v) => formatMoneyCompact(Number(v), currency) } } },
          }}
          label={`${title}: ${summary}`}
          height={Math.max(160, sorted.length * 28 + 40)}
        />
      )}
    </section>
  );
}
