import type { AnalyticsSnapshot, LiveMessage, OrderRecorded, StockAlert, StockLevelEvent } from '../api/types';
import type { LiveStatus } from './LiveConnection';

export interface FeedEntry extends OrderRecorded {
  receivedAt: number;
}

export interface LiveState {
  status: LiveStatus;
  lastMessageAt: number;
  snapshot: AnalyticsSnapshot | null;
  feed: FeedEntry[];
  /** Alerts received live, newest first. */
  alerts: StockAlert[];
  /** Latest stock level per productId@locationId received live. */
  levels: Record<string, StockLevelEvent>;
}

export const FEED_LIMIT = 50;
export const ALERT_LIMIT = 50;

export const initialLiveState: LiveState = { status: 'stopped', lastMessageAt: 0, snapshot: null, feed: [], alerts: [], levels: {} };

/** The dashboard's live state: newest snapshot wins, the feed is newest first without duplicates. */
export function reduceLive(state: LiveState, message: LiveMessage, now: number): LiveState {
  switch (message.type) {
    case 'analytics.snapshot': {
      // Snapshots can overtake each other only across reconnects; never go back in time.
      if (state.snapshot && message.data.generatedAt < state.snapshot.generatedAt) return { ...state, lastMessageAt: now };
      return { ...state, lastMessageAt: now, snapshot: message.data };
    }
    case 'order.recorded': {
      if (state.feed.some((o) => o.orderId === message.data.orderId)) return { ...state, lastMessageAt: now };
      const feed = [{ ...message.data, receivedAt: now }, ...state.feed]
        .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0))
        .slice(0, FEED_LIMIT);
      return { ...state, lastMessageAt: now, feed };
    }
    case 'alert': {
      const alerts = [message.data, ...state.alerts.filter((a) => !(a.alertId === message.data.alertId && a.state === message.data.state))].slice(0, ALERT_LIMIT);
      return { ...state, lastMessageAt: now, alerts };
    }
    case 'stock.level': {
      const key = `${message.data.productId}@${message.data.locationId}`;
      const prev = state.levels[key];
      if (prev && prev.updatedAt > message.data.updatedAt) return { ...state, lastMessageAt: now };
      return { ...state, lastMessageAt: now, levels: { ...state.levels, [key]: message.data } };
    }
    default:
      return state;
  }
}

/** A tiny external store for useSyncExternalStore. */
export class LiveStore {
  private state: LiveState = initialLiveState;
  private readonly listeners = new Set<() => void>();
  private readonly messageListeners = new Set<(m: LiveMessage) => void>();

  getState = (): LiveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Raw messages as they arrive (alert pop-ups, inventory rows). */
  onMessage(listener: (m: LiveMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  dispatch(message: LiveMessage, now = Date.now()): void {
    this.set(reduceLive(this.state, message, now));
    this.messageListeners.forEach((l) => l(message));
  }

  setStatus(status: LiveStatus): void {
    if (status !== this.state.status) this.set({ ...this.state, status });
  }

  /** The REST snapshot fetched at page load, used until the socket delivers one. */
  seedSnapshot(snapshot: AnalyticsSnapshot): void {
    if (!this.state.snapshot) this.set({ ...this.state, snapshot });
  }

  /** Recent orders from the REST API, shown until live ones arrive (no line items). */
  seedFeed(entries: FeedEntry[]): void {
    const known = new Set(this.state.feed.map((o) => o.orderId));
    const feed = [...this.state.feed, ...entries.filter((e) => !known.has(e.orderId))]
      .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : -1))
      .slice(0, FEED_LIMIT);
    this.set({ ...this.state, feed });
  }

  private set(state: LiveState): void {
    this.state = state;
    this.listeners.forEach((l) => l());
  }
}
