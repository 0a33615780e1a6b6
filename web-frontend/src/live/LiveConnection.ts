import type { LiveMessage } from '../api/types';

export type LiveStatus = 'connecting' | 'live' | 'stale' | 'reconnecting' | 'stopped';

/** The part of WebSocket this class uses (a fake in tests). */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

export interface LiveDeps {
  /** POST /api/ws-ticket (with a fresh token). */
  ticket(): Promise<string>;
  /** ws(s)://host/ws/live?ticket=… */
  url(ticket: string): string;
  createSocket(url: string): SocketLike;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface LiveOptions {
  /** No message for this long: show "stale" (snapshots arrive at least once a second). */
  staleAfterMs: number;
  /** No message for this long: the socket is dead even if it looks open; drop it and reconnect. */
  deadAfterMs: number;
  /** Back-off after failures: base doubling up to max, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_LIVE_OPTIONS: LiveOptions = { staleAfterMs: 5000, deadAfterMs: 15000, backoffBaseMs: 1000, backoffMaxMs: 30000 };

/**
 * The dashboard's live feed: trades the token for a ticket, opens /ws/live, and reconnects by itself. The server
 * closes the socket when the user's token expires (about every 5 minutes); that reconnect is immediate with a new
 * ticket. Failures back off exponentially with jitter so that a restarting gateway is not stormed.
 */
export class LiveConnection {
  private socket: SocketLike | null = null;
  private status: LiveStatus = 'stopped';
  private failures = 0;
  private receivedSinceOpen = false;
  private lastMessageAt = 0;
  private reconnectTimer: unknown = null;
  private watchdog: unknown = null;
  private generation = 0;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly messageListeners = new Set<(m: LiveMessage) => void>();
  private readonly statusListeners = new Set<(s: LiveStatus) => void>();

  constructor(
    private readonly deps: LiveDeps,
    private readonly options: LiveOptions = DEFAULT_LIVE_OPTIONS,
  ) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  onMessage(listener: (m: LiveMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onStatus(listener: (s: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  getStatus(): LiveStatus {
    return this.status;
  }

  getLastMessageAt(): number {
    return this.lastMessageAt;
  }

  start(): void {
    if (this.status !== 'stopped') return;
    this.setStatus('connecting');
    this.scheduleWatchdog();
    void this.connect();
  }

  stop(): void {
    this.generation++;
    this.setStatus('stopped');
    if (this.reconnectTimer !== null) this.clearTimer(this.reconnectTimer);
    if (this.watchdog !== null) this.clearTimer(this.watchdog);
    this.reconnectTimer = this.watchdog = null;
    const s = this.socket;
    this.socket = null;
    s?.close(1000, 'bye');
  }

  /** Reconnect now (the browser came back online, or the user asked). */
  reconnectNow(): void {
    if (this.status === 'stopped') return;
    this.failures = 0;
    this.dropSocket();
    if (this.reconnectTimer !== null) this.clearTimer(this.reconnectTimer);
    this.reconnectTimer = null;
    void this.connect();
  }

  /** Delay before the next attempt after `failures` consecutive failures (0: immediate). */
  backoffDelay(failures: number): number {
    if (failures <= 0) return 0;
    const ceiling = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (failures - 1));
    return Math.round(ceiling * (0.5 + this.random() / 2));
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    let ticket: string;
    try {
      ticket = await this.deps.ticket();
    } catch {
      if (generation === this.generation) this.retry();
      return;
    }
    if (generation !== this.generation) return;
    let socket: SocketLike;
    try {
      socket = this.deps.createSocket(this.deps.url(ticket));
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    this.receivedSinceOpen = false;
    socket.onmessage = (ev) => {
      if (generation !== this.generation) return;
      let message: LiveMessage;
      try {
        message = JSON.parse(String(ev.data)) as LiveMessage;
      } catch {
        return;
      }
      this.lastMessageAt = this.now();
      this.receivedSinceOpen = true;
      this.failures = 0;
      if (this.status !== 'live') this.setStatus('live');
      this.messageListeners.forEach((l) => l(message));
    };
    socket.onclose = () => {
      if (generation !== this.generation) return;
      this.socket = null;
      // A socket that delivered messages ended normally (token expiry, server restart): reconnect at once.
      if (!this.receivedSinceOpen) this.failures++;
      this.scheduleReconnect();
    };
    socket.onerror = () => {
      /* a close event follows */
    };
  }

  private retry(): void {
    this.failures++;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.status === 'stopped') return;
    this.setStatus('reconnecting');
    if (this.reconnectTimer !== null) this.clearTimer(this.reconnectTimer);
    this.reconnectTimer = this.setTimer(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, this.backoffDelay(this.failures));
  }

  private dropSocket(): void {
    const s = this.socket;
    this.socket = null;
    this.generation++;
    if (s) {
      s.onmessage = s.onclose = s.onerror = null;
      s.close(4000, 'reconnecting');
    }
  }

  private scheduleWatchdog(): void {
    this.watchdog = this.setTimer(() => {
      this.checkHealth();
      if (this.status !== 'stopped') this.scheduleWatchdog();
    }, 1000);
  }

  /** Called every second: "stale" after a quiet spell, a new connection after a long one. */
  checkHealth(): void {
    if (this.status !== 'live' && this.status !== 'stale') return;
    const quiet = this.now() - this.lastMessageAt;
    if (quiet > this.options.deadAfterMs) {
      this.dropSocket();
      this.failures++;
      this.scheduleReconnect();
    } else if (quiet > this.options.staleAfterMs && this.status === 'live') {
      this.setStatus('stale');
    }
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.statusListeners.forEach((l) => l(status));
  }
}

/** ws://host/ws/live?ticket=… on the page's own origin (wss on https). */
export function liveUrl(ticket: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/live?ticket=${encodeURIComponent(ticket)}`;
}
