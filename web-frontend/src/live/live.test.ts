import { describe, expect, it, vi } from 'vitest';
import { LiveConnection, liveUrl, type SocketLike } from './LiveConnection';
import { FEED_LIMIT, LiveStore, initialLiveState, reduceLive } from './liveStore';
import { aSnapshot, anOrderRecorded } from '../test/fixtures';

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  serverClose(code = 1000) {
    this.onclose?.({ code, reason: '' });
  }
}

/** A connection on a manual clock: timers run only when the test advances time. */
function harness({ ticketFails = 0 } = {}) {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const sockets: FakeSocket[] = [];
  let ticketCalls = 0;
  const connection = new LiveConnection({
    ticket: async () => {
      ticketCalls++;
      if (ticketCalls <= ticketFails) throw new Error('gateway down');
      return `t${ticketCalls}`;
    },
    url: (t) => `ws://x/ws/live?ticket=${t}`,
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    now: () => now,
    random: () => 1, // jitter at its maximum: the delay is the ceiling
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const statuses: string[] = [];
  connection.onStatus((s) => statuses.push(s));
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      await Promise.resolve();
      await Promise.resolve();
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers.splice(timers.indexOf(due), 1);
      now = due.at;
      due.fn();
    }
    now = end;
    await Promise.resolve();
    await Promise.resolve();
  };
  return { connection, sockets, statuses, advance, ticketCalls: () => ticketCalls };
}

describe('LiveConnection', () => {
  it('opens /ws/live with a ticket and goes live on the first message', async () => {
    const h = harness();
    const messages: unknown[] = [];
    h.connection.onMessage((m) => messages.push(m));
    h.connection.start();
    await h.advance(0);
    expect(h.sockets[0].url).toBe('ws://x/ws/live?ticket=t1');
    expect(h.connection.getStatus()).toBe('connecting');
    h.sockets[0].receive({ type: 'analytics.snapshot', data: aSnapshot() });
    expect(h.connection.getStatus()).toBe('live');
    expect(messages).toHaveLength(1);
  });

  it('shows stale after 5 s without messages and reconnects when the socket is silent for 15 s', async () => {
    const h = harness();
    h.connection.start();
    await h.advance(0);
    h.sockets[0].receive({ type: 'analytics.snapshot', data: aSnapshot() });
    await h.advance(6000);
    expect(h.connection.getStatus()).toBe('stale');
    await h.advance(10000);
    expect(h.sockets[0].closed).toBe(true);
    expect(h.statuses).toContain('reconnecting');
    await h.advance(2000);
    expect(h.sockets).toHaveLength(2);
    expect(h.sockets[1].url).toContain('ticket=t2');
  });

  it('reconnects at once with a new ticket when the server closes a healthy socket (token expiry)', async () => {
    const h = harness();
    h.connection.start();
    await h.advance(0);
    h.sockets[0].receive({ type: 'analytics.snapshot', data: aSnapshot() });
    h.sockets[0].serverClose(1008);
    expect(h.connection.getStatus()).toBe('reconnecting');
    await h.advance(0);
    expect(h.sockets).toHaveLength(2);
    expect(h.ticketCalls()).toBe(2);
  });

  it('backs off exponentially while the gateway is down, then recovers', async () => {
    const h = harness({ ticketFails: 3 });
    h.connection.start();
    await h.advance(0); // attempt 1 fails -> wait 1 s
    expect(h.ticketCalls()).toBe(1);
    await h.advance(999);
    expect(h.ticketCalls()).toBe(1);
    await h.advance(1); // attempt 2 fails -> wait 2 s
    expect(h.ticketCalls()).toBe(2);
    await h.advance(1999);
    expect(h.ticketCalls()).toBe(2);
    await h.advance(1); // attempt 3 fails -> wait 4 s
    expect(h.ticketCalls()).toBe(3);
    await h.advance(4000); // attempt 4 succeeds
    expect(h.sockets).toHaveLength(1);
    h.sockets[0].receive({ type: 'analytics.snapshot', data: aSnapshot() });
    expect(h.connection.getStatus()).toBe('live');
  });

  it('caps the back-off and never schedules anything after stop()', async () => {
    const h = harness();
    expect(h.connection.backoffDelay(20)).toBe(30000);
    expect(h.connection.backoffDelay(0)).toBe(0);
    h.connection.start();
    await h.advance(0);
    h.connection.stop();
    expect(h.sockets[0].closed).toBe(true);
    await h.advance(60000);
    expect(h.sockets).toHaveLength(1);
    expect(h.connection.getStatus()).toBe('stopped');
  });

  it('builds ws: or wss: URLs on the page origin', () => {
    expect(liveUrl('a b', { protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws/live?ticket=a%20b');
    expect(liveUrl('t', { protocol: 'https:', host: 'sales.example' })).toBe('wss://sales.example/ws/live?ticket=t');
  });
});

describe('live state', () => {
  it('keeps the newest snapshot', () => {
    const s1 = reduceLive(initialLiveState, { type: 'analytics.snapshot', data: aSnapshot({ generatedAt: '2025-06-02T09:41:28Z' }) }, 1);
    const s2 = reduceLive(s1, { type: 'analytics.snapshot', data: aSnapshot({ generatedAt: '2025-06-02T09:41:27Z', totalOrders: 1 }) }, 2);
    expect(s2.snapshot?.totalOrders).toBe(40211);
    expect(s2.lastMessageAt).toBe(2);
  });

  it('puts new orders first, once, and keeps the feed bounded', () => {
    let s = initialLiveState;
    for (let i = 0; i < FEED_LIMIT + 5; i++) {
      s = reduceLive(s, { type: 'order.recorded', data: anOrderRecorded({ orderId: `o${i}`, occurredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString() }) }, i);
    }
    s = reduceLive(s, { type: 'order.recorded', data: anOrderRecorded({ orderId: `o${FEED_LIMIT + 4}` }) }, 99);
    expect(s.feed).toHaveLength(FEED_LIMIT);
    expect(s.feed[0].orderId).toBe(`o${FEED_LIMIT + 4}`);
    expect(new Set(s.feed.map((o) => o.orderId)).size).toBe(FEED_LIMIT);
  });

  it('tracks stock levels and alerts pushed live', () => {
    const level = { productId: 'P-1001', locationId: 'ST-001', onHand: 5, reserved: 0, reorderPoint: 60, criticalLevel: 20, targetLevel: 400, status: 'CRITICAL' as const, causeEventId: null, updatedAt: '2025-06-02T10:00:00Z' };
    let s = reduceLive(initialLiveState, { type: 'stock.level', data: level }, 1);
    s = reduceLive(s, { type: 'stock.level', data: { ...level, onHand: 9, updatedAt: '2025-06-02T09:00:00Z' } }, 2);
    expect(s.levels['P-1001@ST-001'].onHand).toBe(5);
    s = reduceLive(s, { type: 'alert', data: { alertId: 'a1', type: 'CRITICAL_STOCK', state: 'RAISED', productId: 'P-1001', locationId: 'ST-001', message: 'low', details: {} } }, 3);
    expect(s.alerts[0].alertId).toBe('a1');
  });

  it('LiveStore notifies subscribers and message listeners', () => {
    const store = new LiveStore();
    const changed = vi.fn();
    const heard = vi.fn();
    store.subscribe(changed);
    store.onMessage(heard);
    store.dispatch({ type: 'order.recorded', data: anOrderRecorded() });
    expect(changed).toHaveBeenCalled();
    expect(heard).toHaveBeenCalledWith(expect.objectContaining({ type: 'order.recorded' }));
    store.seedSnapshot(aSnapshot());
    expect(store.getState().snapshot?.totalRevenue).toBe('1520330.45');
  });
});
