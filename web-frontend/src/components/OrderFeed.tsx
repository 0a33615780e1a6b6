import type { FeedEntry } from '../live/liveStore';
import { formatMoney, formatTime } from '../lib/format';
import { useCatalog } from './Catalog';

/** The live order feed: newest first; new arrivals flash once. */
export function OrderFeed({ feed, now }: { feed: FeedEntry[]; now: number }) {
  const catalog = useCatalog();
  if (!feed.length) return <p className="empty">No orders yet. New sales appear here as they are recorded.</p>;
  return (
    <ol className="feed" aria-label="Latest orders, newest first" data-testid="order-feed" tabIndex={0}>
      {feed.slice(0, 25).map((o) => {
        const items = o.items?.length
          ? o.items.map((i) => `${i.quantity}× ${i.name ?? i.productId}`).join(', ') + (o.lineCount > o.items.length ? ', …' : '')
          : `${Math.abs(o.units)} item${Math.abs(o.units) === 1 ? '' : 's'}${o.type === 'RETURN' ? ' returned' : ''}`;
        return (
          <li
            key={o.orderId}
            className={`feed-item${now - o.receivedAt < 3000 ? ' fresh' : ''}${o.type === 'RETURN' ? ' return' : ''}`}
            data-testid="feed-item"
            data-external-id={o.externalId}
          >
            <div className="feed-top">
              <time dateTime={o.occurredAt}>{formatTime(o.occurredAt)}</time>
              <span className={`chip chip-${o.channel.toLowerCase()}`}>{o.channel}</span>
              {o.type === 'RETURN' && <span className="chip chip-return">RETURN</span>}
              <span className="feed-total">
                {formatMoney(o.total, o.currency)}
                {o.originalCurrency && o.originalTotal && (
                  <span className="feed-original"> ({formatMoney(o.originalTotal, o.originalCurrency)})</span>
                )}
              </span>
            </div>
            <div className="feed-meta">
              <span className="feed-location">{catalog.locationName(o.locationId)}</span>
              <span className="feed-items">{items}</span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
