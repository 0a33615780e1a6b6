import { useState } from 'react';
import type { Lot } from '../api/types';
import { useApi } from '../auth/AuthContext';
import { useCatalog } from '../components/Catalog';
import { useAsync } from '../components/useAsync';

/** Lots expiring within N days (and already expired ones), soonest first, for the filtered location. */
export function ExpiringLots({ locationId }: { locationId: string }) {
  const api = useApi();
  const catalog = useCatalog();
  const [days, setDays] = useState(14);
  const result = useAsync((signal) => api.expiringLots(days, locationId || undefined, signal), [days, locationId]);
  const lots: Lot[] = Array.isArray(result.data) ? result.data : (result.data?.items ?? []);

  return (
    <section className="card" aria-labelledby="h-batches">
      <h2 id="h-batches">Batches and expiry</h2>
      <label>
        Expiring within
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[3, 7, 14, 30, 90].map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </select>
      </label>
      {result.error && <p className="error" role="alert">{result.error.message}</p>}
      {!result.error && lots.length === 0 && !result.loading && (
        <p className="empty" data-testid="no-expiring-lots">No lots expire within {days} days.</p>
      )}
      {lots.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="h-batches">
          <table className="data-table responsive-table" data-testid="expiring-lots">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Location</th>
                <th scope="col">Lot</th>
                <th scope="col">Expires</th>
                <th scope="col">On hand</th>
              </tr>
            </thead>
            <tbody>
              {lots.map((lot) => (
                <tr key={String(lot.lotId)} className={lot.expired ? 'expired' : undefined}>
                  <td data-label="Product">{catalog.productName(lot.productId)}</td>
                  <td data-label="Location">{catalog.locationName(lot.locationId)}</td>
                  <td data-label="Lot">{lot.lotCode}</td>
                  <td data-label="Expires">
                    {lot.expiresOn ?? '—'}{' '}
                    {lot.expired ? (
                      <strong className="badge critical">expired</strong>
                    ) : (
                      lot.daysToExpiry !== null && <span className="hint">in {lot.daysToExpiry} d</span>
                    )}
                  </td>
                  <td data-label="On hand" className="num">{lot.quantityOnHand}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
