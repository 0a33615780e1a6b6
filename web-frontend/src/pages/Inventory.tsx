import { useMemo, useState } from 'react';
import type { AdjustmentType, InventoryRow, StockLevelEvent } from '../api/types';
import { useApi, useCan } from '../auth/AuthContext';
import { useCatalog } from '../components/Catalog';
import { LevelIndicator, stockStatus } from '../components/StockLevel';
import { Pager } from '../components/Pager';
import { SortHeader } from '../components/SortHeader';
import { useAsync } from '../components/useAsync';
import { useLive } from '../live/LiveContext';
import { formatDateTime } from '../lib/format';
import { ExpiringLots } from './ExpiringLots';

/** A row as the server listed it, overtaken by a newer level pushed over /ws/live. */
export function withLiveLevel(row: InventoryRow, live: StockLevelEvent | undefined): InventoryRow {
  if (!live || live.updatedAt <= row.updatedAt) return row;
  return {
    ...row,
    onHand: live.onHand,
    reserved: live.reserved,
    available: live.onHand - live.reserved,
    reorderPoint: live.reorderPoint,
    criticalLevel: live.criticalLevel,
    targetLevel: live.targetLevel,
    status: live.status,
    oversold: live.onHand < 0,
    updatedAt: live.updatedAt,
  };
}

const STATUS_FILTERS: Array<{ value: string; label: string }> = [
  { value: '', label: 'All levels' },
  { value: 'LOW,CRITICAL,OUT,OVERSOLD', label: 'Needs attention' },
  { value: 'OK', label: 'OK' },
  { value: 'LOW', label: 'Low' },
  { value: 'CRITICAL', label: 'Critical' },
  { value: 'OUT', label: 'Out of stock' },
  { value: 'OVERSOLD', label: 'Oversold' },
];

export function Inventory() {
  const api = useApi();
  const catalog = useCatalog();
  const canEdit = useCan('editThresholds');
  const canAdjust = useCan('adjustStock');
  const liveLevels = useLive((s) => s.levels);
  const [locationId, setLocationId] = useState('');
  const [status, setStatus] = useState('');
  const [productId, setProductId] = useState('');
  const [sort, setSort] = useState('productId');
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(25);
  const [editing, setEditing] = useState<InventoryRow | null>(null);

  const result = useAsync(
    (signal) => api.inventory({ locationId: locationId || undefined, status: status || undefined, productId: productId || undefined, sort, page, size }, signal),
    [locationId, status, productId, sort, page, size],
  );
  const rows = useMemo(
    () => (result.data?.items ?? []).map((r) => withLiveLevel(r, liveLevels[`${r.productId}@${r.locationId}`])),
    [result.data, liveLevels],
  );
  const onSort = (s: string) => {
    setSort(s);
    setPage(0);
  };

  return (
    <div className="page inventory">
      <header className="page-header">
        <h1>Inventory</h1>
      </header>
      <div className="card filters" role="search" aria-label="Stock filters">
        <div className="field">
          <label htmlFor="i-location">Location</label>
          <select id="i-location" value={locationId} onChange={(e) => { setLocationId(e.target.value); setPage(0); }}>
            <option value="">All</option>
            {catalog.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="i-status">Level</label>
          <select id="i-status" value={status} onChange={(e) => { setStatus(e.target.value); setPage(0); }}>
            {STATUS_FILTERS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="i-product">Product</label>
          <select id="i-product" value={productId} onChange={(e) => { setProductId(e.target.value); setPage(0); }}>
            <option value="">All</option>
            {catalog.products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <section className="card" aria-labelledby="h-stock">
        <h2 id="h-stock">Stock per product and location</h2>
        {result.error && <p className="error" role="alert">Stock could not be loaded: {result.error.message}</p>}
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="h-stock">
          <table className="data-table responsive-table" data-testid="inventory-table" aria-busy={result.loading}>
            <thead>
              <tr>
                <SortHeader column="productId" label="Product" sort={sort} onSort={onSort} firstDescending={false} />
                <SortHeader column="locationId" label="Location" sort={sort} onSort={onSort} firstDescending={false} />
                <th scope="col">Level</th>
                <SortHeader column="onHand" label="On hand" sort={sort} onSort={onSort} className="num" />
                <th scope="col" className="num">
                  Available
                </th>
                <th scope="col" className="num">
                  Reorder at
                </th>
                <th scope="col" className="num">
                  Sold / h
                </th>
                <th scope="col">Stock-out expected</th>
                <SortHeader column="updatedAt" label="Updated" sort={sort} onSort={onSort} />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.productId}@${r.locationId}`}>
                  <td data-label="Product">{catalog.productName(r.productId)}</td>
                  <td data-label="Location">{catalog.locationName(r.locationId)}</td>
                  <td data-label="Level">
                    <LevelIndicator status={r.status} onHand={r.onHand} targetLevel={r.targetLevel} reorderPoint={r.reorderPoint} />
                  </td>
                  <td data-label="On hand" className="num">
                    {r.onHand}
                  </td>
                  <td data-label="Available" className="num">
                    {r.available}
                  </td>
                  <td data-label="Reorder at" className="num">
                    {canEdit ? (
                      <button type="button" className="link-button" onClick={() => setEditing(r)} aria-label={`Edit thresholds of ${catalog.productName(r.productId)} at ${catalog.locationName(r.locationId)}: reorder point ${r.reorderPoint}`}>
                        {r.reorderPoint} ✎
                      </button>
                    ) : (
                      r.reorderPoint
                    )}
                  </td>
                  <td data-label="Sold / h" className="num">
                    {Number(r.salesVelocityPerHour).toFixed(1)}
                  </td>
                  <td data-label="Stock-out expected">{r.predictedStockoutAt ? formatDateTime(r.predictedStockoutAt) : '—'}</td>
                  <td data-label="Updated">{formatDateTime(r.updatedAt)}</td>
                </tr>
              ))}
              {result.data && rows.length === 0 && (
                <tr>
                  <td colSpan={9} className="empty">
                    No stock levels match.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {result.data && (
          <Pager label="Stock pages" page={page} size={size} totalItems={result.data.totalItems} onPage={setPage} onSize={(s) => { setSize(s); setPage(0); }} />
        )}
      </section>

      {canAdjust && <AdjustmentForm onDone={result.reload} />}

      <ExpiringLots locationId={locationId} />

      {editing && (
        <ThresholdsDialog
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            result.reload();
          }}
        />
      )}
    </div>
  );
}

export function validThresholds(t: { reorderPoint: number; criticalLevel: number; targetLevel: number }): string | null {
  const values = [t.reorderPoint, t.criticalLevel, t.targetLevel];
  if (values.some((v) => !Number.isInteger(v) || v < 0)) return 'Thresholds are whole numbers, 0 or more';
  if (t.criticalLevel > t.reorderPoint) return 'The critical level cannot be above the reorder point';
  if (t.targetLevel < t.reorderPoint) return 'The target level cannot be below the reorder point';
  return null;
}

function ThresholdsDialog({ row, onClose, onSaved }: { row: InventoryRow; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const catalog = useCatalog();
  const [t, setT] = useState({ reorderPoint: row.reorderPoint, criticalLevel: row.criticalLevel, targetLevel: row.targetLevel });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const invalid = validThresholds(t);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (invalid) return;
    setBusy(true);
    try {
      await api.setThresholds(row.productId, row.locationId, t);
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const preview = stockStatus(row.onHand, t.criticalLevel, t.reorderPoint);
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <form className="modal" role="dialog" aria-modal="true" aria-labelledby="thr-title" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="thr-title">
          Thresholds: {catalog.productName(row.productId)} at {catalog.locationName(row.locationId)}
        </h2>
        {(['reorderPoint', 'criticalLevel', 'targetLevel'] as const).map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`thr-${k}`}>{k === 'reorderPoint' ? 'Reorder point' : k === 'criticalLevel' ? 'Critical level' : 'Target level'}</label>
            <input id={`thr-${k}`} type="number" min={0} step={1} value={Number.isNaN(t[k]) ? '' : t[k]} onChange={(e) => setT({ ...t, [k]: e.target.valueAsNumber })} autoFocus={k === 'reorderPoint'} />
          </div>
        ))}
        <p className="hint">
          With {row.onHand} on hand this level would be: <strong>{preview}</strong>
        </p>
        {(invalid || error) && (
          <p className="error" role="alert">
            {invalid ?? error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={!!invalid || busy}>
            Save
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

function AdjustmentForm({ onDone }: { onDone(): void }) {
  const api = useApi();
  const catalog = useCatalog();
  const [type, setType] = useState<AdjustmentType>('RECEIPT');
  const [productId, setProductId] = useState('');
  const [locationId, setLocationId] = useState('');
  const [toLocationId, setToLocationId] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const res = await api.adjust({
        type,
        productId,
        locationId,
        ...(type === 'TRANSFER' ? { toLocationId } : {}),
        quantity,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      const level = res.levels.find((l) => l.locationId === locationId);
      setMessage({ ok: true, text: `Recorded. ${catalog.productName(productId)} at ${catalog.locationName(locationId)}: ${level?.onHand ?? '?'} on hand (${level?.status ?? ''}).` });
      setNote('');
      onDone();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="h-adjust">
      <h2 id="h-adjust">Record a stock adjustment</h2>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="a-type">Type</label>
          <select id="a-type" value={type} onChange={(e) => setType(e.target.value as AdjustmentType)}>
            <option value="RECEIPT">Receipt (goods in)</option>
            <option value="COUNT">Stock count (set to counted)</option>
            <option value="DAMAGE">Damage / loss</option>
            <option value="TRANSFER">Transfer to another location</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-product">Product</label>
          <select id="a-product" value={productId} required onChange={(e) => setProductId(e.target.value)}>
            <option value="">Choose…</option>
            {catalog.products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-location">{type === 'TRANSFER' ? 'From location' : 'Location'}</label>
          <select id="a-location" value={locationId} required onChange={(e) => setLocationId(e.target.value)}>
            <option value="">Choose…</option>
            {catalog.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        {type === 'TRANSFER' && (
          <div className="field">
            <label htmlFor="a-to">To location</label>
            <select id="a-to" value={toLocationId} required onChange={(e) => setToLocationId(e.target.value)}>
              <option value="">Choose…</option>
              {catalog.locations
                .filter((l) => l.id !== locationId)
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="a-qty">{type === 'COUNT' ? 'Counted units' : 'Units'}</label>
          <input id="a-qty" type="number" min={type === 'COUNT' ? 0 : 1} max={1000000} step={1} required value={Number.isNaN(quantity) ? '' : quantity} onChange={(e) => setQuantity(e.target.valueAsNumber)} />
        </div>
        <div className="field">
          <label htmlFor="a-note">Note</label>
          <input id="a-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder="optional" />
        </div>
        <div className="field actions">
          <button type="submit" className="primary" disabled={busy}>
            Record adjustment
          </button>
        </div>
      </form>
      {message && (
        <p className={message.ok ? 'feedback feedback-ok' : 'feedback feedback-error'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}

