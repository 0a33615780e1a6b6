import type { TopProduct } from '../api/types';
import { formatMoney } from '../lib/format';
import { toCents } from '../lib/money';

/** Top products as a ranked list with proportional bars (readable without a canvas). */
export function TopProducts({ products, currency }: { products: TopProduct[]; currency: string }) {
  if (!products.length) return <p className="empty">No sales today yet.</p>;
  const max = Math.max(...products.map((p) => toCents(p.revenue)), 1);
  return (
    <ol className="top-list" data-testid="top-products">
      {products.map((p) => (
        <li key={p.productId}>
          <div className="top-row">
            <span className="top-name">{p.name}</span>
            <span className="top-value">{formatMoney(p.revenue, currency)}</span>
          </div>
          <div className="top-bar" aria-hidden="true">
            <span style={{ width: `${(toCents(p.revenue) / max) * 100}%` }} />
          </div>
          <div className="top-sub">{p.units} unit{p.units === 1 ? '' : 's'}</div>
        </li>
      ))}
    </ol>
  );
}
