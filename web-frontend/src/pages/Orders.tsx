import { useMemo, useState } from 'react';
import { ApiError } from '../api/http';
import type { Api } from '../api/endpoints';
import { CHANNELS, type NewOrder, type OrderDetail, type OrderSource, type OrderSummary, type Returnable } from '../api/types';
import { useApi, useCan } from '../auth/AuthContext';
import { useCatalog } from '../components/Catalog';
import { Pager } from '../components/Pager';
import { SortHeader } from '../components/SortHeader';
import { useAsync } from '../components/useAsync';
import { downloadText, toCsv } from '../lib/csv';
import { formatDateTime, formatMoney } from '../lib/format';
import { uuid } from '../lib/uuid';

export interface OrderFilters {
  range: 'hour' | 'today' | '7d' | '30d' | 'all' | 'custom';
  from: string;
  to: string;
  channel: string;
  /** Exact source, e.g. shopify:demo-shop.myshopify.com; '' = all. */
  source: string;
  locationId: string;
  productId: string;
  type: string;
}

const EMPTY: OrderFilters = { range: 'today', from: '', to: '', channel: '', source: '', locationId: '', productId: '', type: '' };

export interface SourceOption {
  value: string;
  label: string;
}

/**
 * The choices of the source filter: the sources of the chosen channel, or of every channel (a source selling
 * through several channels, like a shop on its web site and a marketplace, is offered once with its channels).
 */
export function sourceOptions(sources: OrderSource[], channel: string): SourceOption[] {
  const bySource = new Map<string, { channels: string[]; orders: number }>();
  for (const s of sources) {
    if (channel && s.channel !== channel) continue;
    const entry = bySource.get(s.source) ?? { channels: [], orders: 0 };
    entry.channels.push(s.channel);
    entry.orders += s.orders;
    bySource.set(s.source, entry);
  }
  return [...bySource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, { channels, orders }]) => ({
      value: source,
      label: `${source}${channel ? '' : ` · ${channels.join(', ')}`} (${orders.toLocaleString('en-GB')})`,
    }));
}

/** The query of GET /api/orders for these filters (times as ISO-8601 with offset). */
export function ordersQuery(f: OrderFilters, now = new Date()): Record<string, string | undefined> {
  let from: string | undefined;
  let to: string | undefined;
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  switch (f.range) {
    case 'hour':
      from = new Date(now.getTime() - 3600_000).toISOString();
      break;
    case 'today':
      from = startOfToday.toISOString();
      break;
    case '7d':
      from = new Date(now.getTime() - 7 * 86400_000).toISOString();
      break;
    case '30d':
      from = new Date(now.getTime() - 30 * 86400_000).toISOString();
      break;
    case 'custom':
      from = f.from ? new Date(f.from).toISOString() : undefined;
      to = f.to ? new Date(f.to).toISOString() : undefined;
      break;
    default:
  }
  return {
    from,
    to,
    channel: f.channel || undefined,
    source: f.source || undefined,
    locationId: f.locationId || undefined,
    productId: f.productId || undefined,
    type: f.type || undefined,
  };
}

export const CSV_HEADER = ['orderId', 'eventId', 'type', 'channel', 'source', 'externalId', 'locationId', 'region', 'occurredAt', 'recordedAt', 'currency', 'total', 'itemCount', 'returnOf'];

export function ordersCsv(orders: OrderSummary[]): string {
  return toCsv(
    CSV_HEADER,
    orders.map((o) => [o.orderId, o.eventId, o.type, o.channel, o.source, o.externalId, o.locationId, o.region, o.occurredAt, o.recordedAt, o.currency, o.total.toFixed(2), o.itemCount, o.returnOf]),
  );
}

/** Every order matching the query, page by page (500, the API's maximum), up to `limit`. */
export async function fetchAllOrders(api: Api, query: Record<string, string | undefined>, sort: string, limit = 20000): Promise<OrderSummary[]> {
  const all: OrderSummary[] = [];
  for (let page = 0; all.length < limit; page++) {
    const res = await api.orders({ ...query, sort, page, size: 500 });
    all.push(...res.items);
    if (res.items.length < 500 || all.length >= res.totalItems) break;
  }
  return all.slice(0, limit);
}

export function Orders() {
  const api = useApi();
  const catalog = useCatalog();
  const [draft, setDraft] = useState<OrderFilters>(EMPTY);
  const [filters, setFilters] = useState<OrderFilters>(EMPTY);
  const [sort, setSort] = useState('-occurredAt');
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(25);
  const [selected, setSelected] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);

  const result = useAsync((signal) => api.orders({ ...ordersQuery(filters), sort, page, size }, signal), [filters, sort, page, size]);
  const sources = useAsync((signal) => api.orderSources(signal), []);
  const sourceChoices = useMemo(() => sourceOptions(sources.data ?? [], draft.channel), [sources.data, draft.channel]);

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    setFilters(draft);
    setPage(0);
  };
  const set = (change: Partial<OrderFilters>) => setDraft((d) => ({ ...d, ...change }));

  const exportCsv = async () => {
    setExporting('Exporting…');
    try {
      const rows = await fetchAllOrders(api, ordersQuery(filters), sort);
      downloadText(`orders-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv`, ordersCsv(rows));
      setExporting(`Exported ${rows.length} orders`);
    } catch (e) {
      setExporting(`Export failed: ${(e as Error).message}`);
    }
  };

  const data = result.data;
  return (
    <div className="page orders">
      <header className="page-header">
        <h1>Orders</h1>
        <div className="header-actions">
          <button type="button" className="secondary" onClick={exportCsv} disabled={!data || data.totalItems === 0}>
            Export CSV
          </button>
          <span role="status" className="hint">
            {exporting}
          </span>
        </div>
      </header>
      <form className="card filters" onSubmit={apply} aria-label="Order filters">
        <div className="field">
          <label htmlFor="f-range">Time range</label>
          <select id="f-range" value={draft.range} onChange={(e) => set({ range: e.target.value as OrderFilters['range'] })}>
            <option value="hour">Last hour</option>
            <option value="today">Today</option>
            <option value="7d">Last 7 days</option>
            <option value="30d">Last 30 days</option>
            <option value="all">All time</option>
            <option value="custom">Custom…</option>
          </select>
        </div>
        {draft.range === 'custom' && (
          <>
            <div className="field">
              <label htmlFor="f-from">From</label>
              <input id="f-from" type="datetime-local" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="f-to">To</label>
              <input id="f-to" type="datetime-local" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="f-channel">Channel</label>
          <select
            id="f-channel"
            value={draft.channel}
            onChange={(e) => {
              const channel = e.target.value;
              // A source chosen under another channel would match nothing: drop it.
              const keep = !channel || (sources.data ?? []).some((s) => s.channel === channel && s.source === draft.source);
              set({ channel, source: keep ? draft.source : '' });
            }}
          >
            <option value="">All</option>
            {CHANNELS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-source">Source</label>
          <select
            id="f-source"
            data-testid="source-filter"
            value={draft.source}
            onChange={(e) => set({ source: e.target.value })}
            aria-describedby={sources.error ? 'f-source-error' : undefined}
          >
            <option value="">All</option>
            {sourceChoices.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {sources.error && (
            <span id="f-source-error" className="hint">
              Sources could not be loaded
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="f-location">Location</label>
          <select id="f-location" value={draft.locationId} onChange={(e) => set({ locationId: e.target.value })}>
            <option value="">All</option>
            {catalog.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-product">Product</label>
          <select id="f-product" value={draft.productId} onChange={(e) => set({ productId: e.target.value })}>
            <option value="">All</option>
            {catalog.products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-type">Type</label>
          <select id="f-type" value={draft.type} onChange={(e) => set({ type: e.target.value })}>
            <option value="">Sales and returns</option>
            <option value="SALE">Sales</option>
            <option value="RETURN">Returns</option>
          </select>
        </div>
        <div className="field actions">
          <button type="submit" className="primary">
            Apply
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
              setPage(0);
            }}
          >
            Reset
          </button>
        </div>
      </form>

      <section className="card" aria-labelledby="h-orders">
        <h2 id="h-orders" className="sr-only">
          Order list
        </h2>
        {result.error && <p className="error" role="alert">Orders could not be loaded: {result.error.message}</p>}
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="h-orders">
          <table className="data-table responsive-table" aria-busy={result.loading} data-testid="orders-table">
            <thead>
              <tr>
                <SortHeader column="occurredAt" label="Time" sort={sort} onSort={(s) => { setSort(s); setPage(0); }} />
                <SortHeader column="externalId" label="Reference" sort={sort} onSort={(s) => { setSort(s); setPage(0); }} firstDescending={false} />
                <SortHeader column="channel" label="Channel" sort={sort} onSort={(s) => { setSort(s); setPage(0); }} firstDescending={false} />
                <SortHeader column="source" label="Source" sort={sort} onSort={(s) => { setSort(s); setPage(0); }} firstDescending={false} />
                <SortHeader column="locationId" label="Location" sort={sort} onSort={(s) => { setSort(s); setPage(0); }} firstDescending={false} />
                <SortHeader column="itemCount" label="Items" sort={sort} onSort={(s) => { setSort(s); setPage(0); }} className="num" />
                <SortHeader column="total" label="Total" sort={sort} onSort={(s) => { setSort(s); setPage(0); }} className="num" />
                <SortHeader column="recordedAt" label="Recorded" sort={sort} onSort={(s) => { setSort(s); setPage(0); }} />
              </tr>
            </thead>
            <tbody>
              {data?.items.map((o) => (
                <tr key={o.orderId} className={o.type === 'RETURN' ? 'return' : undefined}>
                  <td data-label="Time">{formatDateTime(o.occurredAt)}</td>
                  <td data-label="Reference">
                    <button type="button" className="link-button" onClick={() => setSelected(o.orderId)} aria-label={`Details of order ${o.externalId}`}>
                      {o.externalId.length > 14 ? `${o.externalId.slice(0, 13)}…` : o.externalId}
                    </button>
                    {o.type === 'RETURN' && <span className="chip chip-return">RETURN</span>}
                  </td>
                  <td data-label="Channel">
                    <span className={`chip chip-${o.channel.toLowerCase()}`}>{o.channel}</span>
                  </td>
                  <td data-label="Source" className="source">
                    {o.source}
                  </td>
                  <td data-label="Location">{catalog.locationName(o.locationId)}</td>
                  <td data-label="Items" className="num">
                    {o.itemCount}
                  </td>
                  <td data-label="Total" className="num">
                    {formatMoney(o.total, o.currency)}
                  </td>
                  <td data-label="Recorded">{formatDateTime(o.recordedAt)}</td>
                </tr>
              ))}
              {data && data.items.length === 0 && (
                <tr>
                  <td colSpan={8} className="empty">
                    No orders match these filters.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {data && (
          <Pager
            label="Order pages"
            page={page}
            size={size}
            totalItems={data.totalItems}
            onPage={setPage}
            onSize={(s) => {
              setSize(s);
              setPage(0);
            }}
          />
        )}
      </section>
      {selected && <OrderDetailDialog orderId={selected} onClose={() => setSelected(null)} onReturned={result.reload} />}
    </div>
  );
}

/** The body of a return for the chosen quantities per line (lines with 0 are left out). */
export function buildReturn(order: OrderDetail, quantities: Record<number, number>): NewOrder {
  return {
    type: 'RETURN',
    returnOf: order.eventId,
    channel: order.channel,
    ...(order.channel === 'STORE' ? { source: `store:${order.locationId}` } : {}),
    locationId: order.locationId,
    currency: order.currency,
    lines: order.lines
      .filter((l) => (quantities[l.lineNo] ?? 0) > 0)
      .map((l) => ({ productId: l.productId, quantity: quantities[l.lineNo], unitPrice: l.unitPrice.toFixed(2) })),
  };
}

/**
 * How many units of each line can still be returned: a product's returnable units go to its lines in line order.
 * Without an answer from order-service (null) every sold unit is offered; ingest still checks the return.
 */
export function returnableByLine(order: OrderDetail, returnable: Returnable | null): Record<number, number> {
  const left = new Map((returnable?.lines ?? []).map((l) => [l.productId, l.returnable]));
  const caps: Record<number, number> = {};
  for (const line of order.lines) {
    const remaining = returnable ? (left.get(line.productId) ?? 0) : line.quantity;
    caps[line.lineNo] = Math.min(line.quantity, remaining);
    if (returnable) left.set(line.productId, remaining - caps[line.lineNo]);
  }
  return caps;
}

function OrderDetailDialog({ orderId, onClose, onReturned }: { orderId: string; onClose(): void; onReturned(): void }) {
  const api = useApi();
  const catalog = useCatalog();
  const canReturn = useCan('startReturn');
  const detail = useAsync(() => api.order(orderId), [orderId]);
  const [returning, setReturning] = useState(false);
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [caps, setCaps] = useState<Record<number, number>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per return form: a double click records one return; the next return gets a new key.
  const [key, setKey] = useState(uuid);
  const o = detail.data;

  const startReturn = async (order: OrderDetail) => {
    setBusy(true);
    // A sale not recorded yet (404) or an unreachable order-service: offer what was sold.
    const returnable = await api.returnable(order.eventId).catch(() => null);
    const left = returnableByLine(order, returnable);
    setBusy(false);
    setCaps(left);
    setQuantities(left);
    if (Object.values(left).every((n) => n === 0)) {
      setMessage({ ok: false, text: 'Everything of this sale has come back already' });
      return;
    }
    setMessage(null);
    setReturning(true);
  };

  const submitReturn = async () => {
    if (!o) return;
    const body = buildReturn(o, quantities);
    if (!body.lines.length) {
      setMessage({ ok: false, text: 'Choose at least one item to return' });
      return;
    }
    setBusy(true);
    try {
      const accepted = await api.createOrder(body, key);
      setMessage({ ok: true, text: `Return recorded (ref ${accepted.externalId.slice(0, 8)}). It appears in the list within a few seconds.` });
      setReturning(false);
      setKey(uuid());
      setTimeout(onReturned, 1500);
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal wide" role="dialog" aria-modal="true" aria-labelledby="order-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <div className="card-head">
          <h2 id="order-title">Order {o ? o.externalId : ''}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close order details" autoFocus>
            ✕
          </button>
        </div>
        {detail.error && <p className="error">{detail.error.message}</p>}
        {!o && !detail.error && <p className="loading">Loading…</p>}
        {o && (
          <>
            <dl className="detail-grid">
              <dt>Type</dt>
              <dd>{o.type}</dd>
              <dt>Channel</dt>
              <dd>{o.channel}</dd>
              <dt>Source</dt>
              <dd>{o.source}</dd>
              <dt>Location</dt>
              <dd>
                {catalog.locationName(o.locationId)} ({o.region ?? '—'})
              </dd>
              <dt>Occurred</dt>
              <dd>{formatDateTime(o.occurredAt)}</dd>
              <dt>Recorded</dt>
              <dd>{formatDateTime(o.recordedAt)}</dd>
              <dt>Total</dt>
              <dd>{formatMoney(o.total, o.currency)}</dd>
              {o.returnOf && (
                <>
                  <dt>Return of</dt>
                  <dd>{o.returnOf}</dd>
                </>
              )}
            </dl>
            <table className="data-table responsive-table">
              <caption className="sr-only">Order lines</caption>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col" className="num">
                    Qty
                  </th>
                  <th scope="col" className="num">
                    Unit price
                  </th>
                  <th scope="col" className="num">
                    Line total
                  </th>
                  {returning && (
                    <>
                      <th scope="col" className="num">
                        Left to return
                      </th>
                      <th scope="col" className="num">
                        Return
                      </th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {o.lines.map((l) => (
                  <tr key={l.lineNo}>
                    <td data-label="Product">
                      <span>
                        {l.name ?? l.productId} <span className="line-sku">{l.sku}</span>
                      </span>
                    </td>
                    <td data-label="Qty" className="num">
                      {l.quantity}
                    </td>
                    <td data-label="Unit price" className="num">
                      {formatMoney(l.unitPrice, o.currency)}
                    </td>
                    <td data-label="Line total" className="num">
                      {formatMoney(l.lineTotal, o.currency)}
                    </td>
                    {returning && (
                      <>
                        <td data-label="Left to return" className="num">
                          {caps[l.lineNo] ?? 0}
                        </td>
                        <td data-label="Return" className="num">
                          <input
                            type="number"
                            className="qty"
                            min={0}
                            max={caps[l.lineNo] ?? 0}
                            value={quantities[l.lineNo] ?? 0}
                            aria-label={`Units of ${l.name ?? l.productId} to return`}
                            onChange={(e) => setQuantities((q) => ({ ...q, [l.lineNo]: Math.max(0, Math.min(caps[l.lineNo] ?? 0, e.target.valueAsNumber || 0)) }))}
                          />
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {message && (
              <p className={message.ok ? 'feedback feedback-ok' : 'feedback feedback-error'} role="status">
                {message.text}
              </p>
            )}
            {canReturn && o.type === 'SALE' && (
              <div className="actions">
                {!returning ? (
                  <button type="button" className="secondary" onClick={() => void startReturn(o)} disabled={busy}>
                    Start a return
                  </button>
                ) : (
                  <>
                    <button type="button" className="primary" onClick={submitReturn} disabled={busy}>
                      {busy ? 'Recording…' : 'Record return'}
                    </button>
                    <button type="button" className="secondary" onClick={() => setReturning(false)}>
                      Cancel
                    </button>
                  </>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
