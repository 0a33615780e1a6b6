import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/http';
import type { Api } from '../api/endpoints';
import { CHANNELS, type Channel, type NewOrder, type OrderAccepted, type Product } from '../api/types';
import { useApi, useCan, useSession } from '../auth/AuthContext';
import { CameraScanner } from '../components/CameraScanner';
import { useCatalog } from '../components/Catalog';
import { ProductSearch } from '../components/ProductSearch';
import { NotAllowed } from '../components/NotAllowed';
import { classifyCode, isGtin } from '../lib/gtin';
import { formatMoney } from '../lib/format';
import { centsToDecimal, parsePrice } from '../lib/money';
import { uuid } from '../lib/uuid';
import { WedgeDetector } from '../lib/wedge';

export interface Line {
  key: string;
  product: Pick<Product, 'id' | 'name' | 'sku' | 'currency'>;
  quantity: number;
  /** As typed; validated with parsePrice. */
  price: string;
}

export function lineErrors(line: Line): string | null {
  if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 10000) return 'Quantity must be a whole number from 1 to 10000';
  if (parsePrice(line.price) === null) return 'Price must be an amount with at most two decimals';
  return null;
}

export function totalCents(lines: Line[]): number {
  return lines.reduce((sum, l) => sum + (parsePrice(l.price) ?? 0) * (Number.isInteger(l.quantity) ? l.quantity : 0), 0);
}

/** The full-form body of POST /api/orders for these lines. */
export function buildOrder(lines: Line[], locationId: string, channel: Channel): NewOrder {
  return {
    channel,
    // Store sales carry their store as the source, like the POS; other channels default to api:<user> at ingest.
    ...(channel === 'STORE' ? { source: `store:${locationId}` } : {}),
    locationId,
    currency: lines[0]?.product.currency ?? 'EUR',
    lines: lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unitPrice: centsToDecimal(parsePrice(l.price) ?? 0) })),
  };
}

/** A scanned or typed code to a product: GTIN (check digit first), else SKU, else a unique name match. */
export async function lookupCode(api: Api, raw: string): Promise<Product> {
  const { kind, code } = classifyCode(raw);
  if (!code) throw new Error('Nothing to look up');
  if (kind === 'gtin') {
    if (!isGtin(code)) throw new Error(`${code} is not a valid barcode (check digit)`);
    try {
      return await api.productByGtin(code);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) throw new Error(`No product with barcode ${code}`);
      throw e;
    }
  }
  if (kind === 'sku') {
    try {
      return await api.productBySku(code);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  }
  const page = await api.products({ q: code, size: 2, active: true });
  if (page.items.length === 1) return page.items[0];
  throw new Error(page.items.length ? `"${code}" matches several products: use the search` : `No product matches "${code}"`);
}

const LOCATION_KEY = 'salespulse.sales.location';
const CHANNEL_KEY = 'salespulse.sales.channel';

type Feedback = { kind: 'ok'; message: string; accepted: OrderAccepted } | { kind: 'error'; message: string } | { kind: 'info'; message: string };

export function SalesEntry() {
  const allowed = useCan('enterSales');
  if (!allowed) return <NotAllowed what="Sales entry" />;
  return <SalesForm />;
}

function SalesForm() {
  const api = useApi();
  const catalog = useCatalog();
  const formId = useId();
  const [lines, setLines] = useState<Line[]>([]);
  const [locationId, setLocationId] = useState(() => localStorage.getItem(LOCATION_KEY) ?? '');
  const [channel, setChannel] = useState<Channel>(() => (localStorage.getItem(CHANNEL_KEY) as Channel) || 'STORE');
  const [barcode, setBarcode] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [camera, setCamera] = useState(false);
  // One key per submitted form: a double click or a retry after a timeout cannot sell twice. Any edit makes a new form.
  const keyRef = useRef<string | null>(null);
  const submittingRef = useRef(false);
  const barcodeInput = useRef<HTMLInputElement>(null);

  // A clerk bound to stores (token claim locations) records sales only there: channel-ingest refuses the others.
  const bound = useSession().auth.locations ?? [];
  const locations = catalog.locations.filter((l) => l.active && (bound.length === 0 || bound.includes(l.id)));
  useEffect(() => {
    const usable = (id: string) => locations.some((l) => l.id === id);
    // A functional update: a choice the user made between this render and the effect must not be overwritten.
    if (!usable(locationId) && locations.length)
      setLocationId((current) => (usable(current) ? current : (locations.find((l) => l.kind === 'STORE') ?? locations[0]).id));
  }, [locationId, locations]);

  const edited = () => {
    keyRef.current = null;
  };

  const addProduct = useCallback((p: Product) => {
    edited();
    setLines((ls) => {
      const existing = ls.find((l) => l.product.id === p.id);
      if (existing) return ls.map((l) => (l === existing ? { ...l, quantity: l.quantity + 1 } : l));
      return [...ls, { key: uuid(), product: p, quantity: 1, price: Number(p.unitPrice).toFixed(2) }];
    });
    setFeedback({ kind: 'info', message: `Added ${p.name}` });
  }, []);

  const scan = useCallback(
    async (code: string) => {
      try {
        addProduct(await lookupCode(api, code));
      } catch (e) {
        setFeedback({ kind: 'error', message: (e as Error).message });
      }
    },
    [api, addProduct],
  );

  // A keyboard-wedge scanner typing while no field has the focus still adds its product.
  useEffect(() => {
    const detector = new WedgeDetector((code) => void scan(code));
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      if (detector.key(e.key, e.timeStamp || performance.now())) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scan]);

  const update = (key: string, change: Partial<Line>) => {
    edited();
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...change } : l)));
  };
  const remove = (key: string) => {
    edited();
    setLines((ls) => ls.filter((l) => l.key !== key));
  };

  const invalid = useMemo(() => lines.map(lineErrors).find(Boolean) ?? null, [lines]);
  const total = totalCents(lines);
  const currency = lines[0]?.product.currency ?? 'EUR';
  const canSubmit = lines.length > 0 && !invalid && !!locationId && !submitting;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!canSubmit || submittingRef.current) return;
    submittingRef.current = true;
    setSubmitting(true);
    keyRef.current ??= uuid();
    const order = buildOrder(lines, locationId, channel);
    try {
      let accepted: OrderAccepted | null = null;
      for (let attempt = 0; !accepted; attempt++) {
        try {
          accepted = await api.createOrder(order, keyRef.current);
        } catch (err) {
          // 409: the first request with this key is still being published; the answer is worth waiting for.
          if (err instanceof ApiError && err.status === 409 && attempt < 5) {
            await new Promise((r) => setTimeout(r, 1000));
            continue;
          }
          throw err;
        }
      }
      const units = lines.reduce((s, l) => s + l.quantity, 0);
      setFeedback({
        kind: 'ok',
        accepted,
        message: `Sale recorded: ${formatMoney(centsToDecimal(total), currency)}, ${units} item${units === 1 ? '' : 's'} at ${catalog.locationName(locationId)} (ref ${accepted.externalId.slice(0, 8)})`,
      });
      setLines([]);
      keyRef.current = null;
      barcodeInput.current?.focus();
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      const hint = status === 503 || status === 0 || status === 504 ? ' Not recorded yet — submit again, it will not be counted twice.' : '';
      setFeedback({ kind: 'error', message: `${(err as Error).message}.${hint}` });
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  return (
    <div className="page sales">
      <header className="page-header">
        <h1>Sales entry</h1>
      </header>
      <form id={formId} onSubmit={submit} className="sales-form" aria-describedby={`${formId}-feedback`}>
        <div className="card form-grid sales-fields">
          <div className="field">
            <label htmlFor="sale-location">Location</label>
            <select
              id="sale-location"
              value={locationId}
              required
              onChange={(e) => {
                edited();
                setLocationId(e.target.value);
                localStorage.setItem(LOCATION_KEY, e.target.value);
              }}
            >
              {!locationId && <option value="">Loading locations…</option>}
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name} ({l.id})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sale-channel">Channel</label>
            <select
              id="sale-channel"
              value={channel}
              onChange={(e) => {
                edited();
                setChannel(e.target.value as Channel);
                localStorage.setItem(CHANNEL_KEY, e.target.value);
              }}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className="field barcode-field">
            <label htmlFor="sale-barcode">Barcode</label>
            <div className="input-row">
              <input
                id="sale-barcode"
                ref={barcodeInput}
                inputMode="numeric"
                autoComplete="off"
                autoFocus
                value={barcode}
                placeholder="Scan or type, then Enter"
                onChange={(e) => setBarcode(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    const code = barcode.trim();
                    setBarcode('');
                    if (code) void scan(code);
                  }
                }}
                aria-describedby="sale-barcode-hint"
                data-testid="barcode-input"
              />
              <button type="button" className="secondary" onClick={() => setCamera(true)}>
                <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="icon">
                  <path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
                  <circle cx="12" cy="13.5" r="3.5" />
                </svg>
                Camera
              </button>
            </div>
            <small id="sale-barcode-hint" className="hint">
              A USB scanner works here (or anywhere on this page); on a phone use the camera.
            </small>
          </div>
          <div className="field product-field">
            <ProductSearch onPick={addProduct} />
          </div>
        </div>

        <section className="card" aria-labelledby="h-lines">
          <h2 id="h-lines">Order lines</h2>
          {lines.length === 0 ? (
            <p className="empty">No products yet: scan a barcode or search above.</p>
          ) : (
            <table className="lines-table" data-testid="order-lines">
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
                    Total
                  </th>
                  <th scope="col">
                    <span className="sr-only">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => {
                  const error = lineErrors(l);
                  const price = parsePrice(l.price);
                  return (
                    <tr key={l.key} className={error ? 'invalid' : undefined}>
                      <td data-label="Product">
                        <span className="line-name">{l.product.name}</span>
                        <span className="line-sku">{l.product.sku}</span>
                        {error && <span className="field-error">{error}</span>}
                      </td>
                      <td data-label="Qty" className="num">
                        <input
                          type="number"
                          min={1}
                          max={10000}
                          step={1}
                          className="qty"
                          aria-label={`Quantity of ${l.product.name}`}
                          value={Number.isNaN(l.quantity) ? '' : l.quantity}
                          onChange={(e) => update(l.key, { quantity: e.target.valueAsNumber })}
                        />
                      </td>
                      <td data-label="Unit price" className="num">
                        <input
                          type="text"
                          inputMode="decimal"
                          className="price"
                          aria-label={`Unit price of ${l.product.name}`}
                          aria-invalid={price === null}
                          value={l.price}
                          onChange={(e) => update(l.key, { price: e.target.value })}
                        />
                      </td>
                      <td data-label="Total" className="num">
                        {price === null || !Number.isInteger(l.quantity) ? '—' : formatMoney(centsToDecimal(price * l.quantity), l.product.currency)}
                      </td>
                      <td>
                        <button type="button" className="icon-button" onClick={() => remove(l.key)} aria-label={`Remove ${l.product.name}`}>
                          ✕
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div className="order-footer">
            <p className="order-total">
              Total <strong data-testid="order-total">{formatMoney(centsToDecimal(total), currency)}</strong>
            </p>
            <button type="submit" className="primary" disabled={!canSubmit} data-testid="submit-sale">
              {submitting ? 'Recording…' : 'Record sale'}
            </button>
          </div>
        </section>
        <div id={`${formId}-feedback`} aria-live="polite" role="status" className="feedback-area">
          {feedback && (
            <p
              className={`feedback feedback-${feedback.kind}`}
              data-testid="sale-feedback"
              data-kind={feedback.kind}
              data-external-id={feedback.kind === 'ok' ? feedback.accepted.externalId : undefined}
            >
              {feedback.message}
            </p>
          )}
        </div>
      </form>
      {camera && (
        <CameraScanner
          onCode={(code) => void scan(code)}
          onClose={() => {
            setCamera(false);
            barcodeInput.current?.focus();
          }}
        />
      )}
    </div>
  );
}
