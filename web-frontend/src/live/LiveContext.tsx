import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { LiveConnection, liveUrl, type SocketLike } from './LiveConnection';
import { LiveStore, type LiveState } from './liveStore';
import type { Api } from '../api/endpoints';

interface Live {
  store: LiveStore;
  connection: LiveConnection;
}

const LiveContext = createContext<Live | null>(null);

export function createLive(api: Api): Live {
  const store = new LiveStore();
  const connection = new LiveConnection({
    ticket: async () => (await api.wsTicket()).ticket,
    url: (ticket) => liveUrl(ticket),
    createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
  });
  connection.onMessage((m) => store.dispatch(m));
  connection.onStatus((s) => store.setStatus(s));
  return { store, connection };
}

/** One live connection for the whole app, so alerts pop up on every page. */
export function LiveProvider({ live, children }: { live: Live; children: ReactNode }) {
  useEffect(() => {
    live.connection.start();
    const online = () => live.connection.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      live.connection.stop();
    };
  }, [live]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLiveContext(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveProvider');
  return live;
}

export function useLive<T>(select: (s: LiveState) => T): T {
  const { store } = useLiveContext();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
