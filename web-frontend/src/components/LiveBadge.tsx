import { useEffect, useState } from 'react';
import { useLive, useLiveContext } from '../live/LiveContext';
import { formatAge } from '../lib/format';

const TEXT = {
  connecting: 'Connecting…',
  live: 'Live',
  stale: 'Stale',
  reconnecting: 'Reconnecting…',
  stopped: 'Offline',
} as const;

/** Whether the figures on screen are live: green while messages flow, amber when quiet or reconnecting. */
export function LiveBadge() {
  const status = useLive((s) => s.status);
  const last = useLive((s) => s.lastMessageAt);
  const { connection } = useLiveContext();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const age = last ? formatAge(now - last) : null;
  const state = status === 'live' ? 'ok' : status === 'connecting' ? 'pending' : 'bad';
  return (
    <div className={`live-badge live-${state}`} role="status" data-testid="live-status" data-status={status}>
      <span className="dot" aria-hidden="true" />
      <span>{TEXT[status]}</span>
      {age && status !== 'live' && <span className="age">· last update {age}</span>}
      {(status === 'stale' || status === 'reconnecting') && (
        <button type="button" className="link-button" onClick={() => connection.reconnectNow()}>
          Reconnect now
        </button>
      )}
    </div>
  );
}
