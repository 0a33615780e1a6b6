import { useEffect, useState } from 'react';
import type { StockAlert } from '../api/types';
import { useLiveContext } from '../live/LiveContext';
import { useCatalog } from './Catalog';
import { navigate } from '../router';

const SHOW_MS = 10000;
const MAX = 4;

/** New alerts pop up wherever the user is (raised ones only; resolved ones just update the list). */
export function AlertToasts() {
  const { store } = useLiveContext();
  const catalog = useCatalog();
  const [toasts, setToasts] = useState<Array<StockAlert & { shownAt: number }>>([]);

  useEffect(
    () =>
      store.onMessage((m) => {
        if (m.type !== 'alert' || m.data.state !== 'RAISED') return;
        setToasts((ts) => [{ ...m.data, shownAt: Date.now() }, ...ts.filter((t) => t.alertId !== m.data.alertId)].slice(0, MAX));
      }),
    [store],
  );

  useEffect(() => {
    if (!toasts.length) return;
    const t = setTimeout(() => setToasts((ts) => ts.filter((x) => Date.now() - x.shownAt < SHOW_MS)), 1000);
    return () => clearTimeout(t);
  }, [toasts]);

  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions">
      {toasts.map((t) => (
        <div key={t.alertId} className={`toast toast-${t.type.toLowerCase()}`} role="status" data-testid="alert-toast">
          <strong>{t.type.replace(/_/g, ' ').toLowerCase()}</strong>
          <span>
            {t.productId ? catalog.productName(t.productId) : ''}
            {t.locationId ? ` @ ${catalog.locationName(t.locationId)}` : ''}
          </span>
          <span className="toast-msg">{t.message}</span>
          <div className="toast-actions">
            <button type="button" className="link-button" onClick={() => navigate('/alerts')}>
              View alerts
            </button>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setToasts((ts) => ts.filter((x) => x.alertId !== t.alertId))}>
              ✕
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
