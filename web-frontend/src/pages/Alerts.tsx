import { useMemo, useState } from 'react';
import type { StockAlert } from '../api/types';
import { useApi, useCan } from '../auth/AuthContext';
import { useCatalog } from '../components/Catalog';
import { Pager } from '../components/Pager';
import { useAsync } from '../components/useAsync';
import { useLive } from '../live/LiveContext';
import { formatDateTime } from '../lib/format';

const TYPES = ['LOW_STOCK', 'CRITICAL_STOCK', 'OUT_OF_STOCK', 'STOCKOUT_PREDICTED', 'POSSIBLE_SHRINKAGE'];

/** The listed alerts with newer states, and new alerts received live that match the filter, merged (newest first). */
export function mergeAlerts(listed: StockAlert[], live: StockAlert[], filter: { state: string; type: string }, firstPage: boolean): StockAlert[] {
  const latest = new Map<string, StockAlert>();
  // live is newest first: the first seen per id is the newest state.
  for (const a of live) if (!latest.has(a.alertId)) latest.set(a.alertId, a);
  const merged = listed.map((a) => {
    const l = latest.get(a.alertId);
    return l ? { ...a, state: l.state } : a;
  });
  if (firstPage) {
    const known = new Set(listed.map((a) => a.alertId));
    const fresh = [...latest.values()].filter(
      (a) => !known.has(a.alertId) && a.type !== 'SALES_MILESTONE' && (!filter.type || a.type === filter.type) && (!filter.state || a.state === filter.state),
    );
    merged.unshift(...fresh.map((a) => ({ ...a, raisedAt: a.raisedAt ?? a.occurredAt })));
  }
  // Listed alerts stay where they are with their new state (acknowledged, resolved) until the list is reloaded:
  // a row must not vanish under the user's pointer.
  return merged;
}

export function Alerts() {
  const api = useApi();
  const catalog = useCatalog();
  const canAck = useCan('acknowledgeAlerts');
  const liveAlerts = useLive((s) => s.alerts);
  const [state, setState] = useState('RAISED');
  const [type, setType] = useState('');
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(25);
  const [acked, setAcked] = useState<Record<string, StockAlert>>({});
  const [error, setError] = useState<string | null>(null);
  const result = useAsync((signal) => api.alerts({ state: state || undefined, type: type || undefined, page, size }, signal), [state, type, page, size]);

  const alerts = useMemo(
    () => mergeAlerts(result.data?.items ?? [], liveAlerts, { state, type }, page === 0).map((a) => acked[a.alertId] ?? a),
    [result.data, liveAlerts, state, type, page, acked],
  );

  const acknowledge = async (a: StockAlert) => {
    setError(null);
    try {
      const updated = await api.acknowledgeAlert(a.alertId);
      setAcked((m) => ({ ...m, [a.alertId]: updated }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="page alerts">
      <header className="page-header">
        <h1>Alerts</h1>
      </header>
      <div className="card filters" role="search" aria-label="Alert filters">
        <div className="field">
          <label htmlFor="al-state">State</label>
          <select id="al-state" value={state} onChange={(e) => { setState(e.target.value); setPage(0); }}>
            <option value="RAISED">Raised (new)</option>
            <option value="ACKNOWLEDGED">Acknowledged</option>
            <option value="RESOLVED">Resolved</option>
            <option value="">All</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="al-type">Type</label>
          <select id="al-type" value={type} onChange={(e) => { setType(e.target.value); setPage(0); }}>
            <option value="">All</option>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t.replace(/_/g, ' ').toLowerCase()}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section className="card" aria-labelledby="h-alerts">
        <h2 id="h-alerts">Stock alerts</h2>
        {result.error && <p className="error" role="alert">Alerts could not be loaded: {result.error.message}</p>}
        {error && <p className="error" role="alert">{error}</p>}
        {result.data && alerts.length === 0 && <p className="empty">No alerts here.</p>}
        <ul className="alert-list" data-testid="alert-list">
          {alerts.map((a) => (
            <li key={a.alertId} className={`alert-item alert-${a.type.toLowerCase()} state-${a.state.toLowerCase()}`}>
              <div className="alert-head">
                <span className={`chip chip-alert-${a.type.toLowerCase()}`}>{a.type.replace(/_/g, ' ').toLowerCase()}</span>
                <span className="alert-what">
                  {catalog.productName(a.productId)} @ {catalog.locationName(a.locationId)}
                </span>
                <span className="alert-state">{a.state.toLowerCase()}</span>
              </div>
              <p className="alert-msg">{a.message}</p>
              <div className="alert-foot">
                <time dateTime={a.raisedAt ?? a.occurredAt}>{formatDateTime(a.raisedAt ?? a.occurredAt)}</time>
                {a.acknowledgedBy && <span> · acknowledged by {a.acknowledgedBy}</span>}
                {canAck && a.state === 'RAISED' && (
                  <button type="button" className="secondary small" onClick={() => acknowledge(a)}>
                    Acknowledge
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
        {result.data && <Pager label="Alert pages" page={page} size={size} totalItems={result.data.totalItems} onPage={setPage} onSize={(s) => { setSize(s); setPage(0); }} />}
      </section>
    </div>
  );
}
