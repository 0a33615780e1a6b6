import Keycloak from 'keycloak-js';

/** What the gateway answers at GET /config.json: where the browser finds Keycloak (set per stack at run time). */
export interface FrontendConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export interface Auth {
  username: string;
  roles: string[];
  /** The stores the user records sales at (token claim locations); empty when not bound to any. */
  locations?: string[];
  /** A token valid for at least 30 more seconds (refreshed when needed). */
  token(): Promise<string>;
  logout(): Promise<void>;
}

const ROUTE_KEY = 'salespulse.route';

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<FrontendConfig> {
  const res = await fetchImpl('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /config.json answered ${res.status}`);
  return (await res.json()) as FrontendConfig;
}

/**
 * Logs in with the authorization code flow and PKCE (keycloak-js). The app routes by the URL hash, and an OAuth
 * redirect URI must not carry a fragment, so the route is kept in session storage across the round trip.
 */
export async function login(config: FrontendConfig): Promise<Auth> {
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  const hash = window.location.hash;
  if (hash.startsWith('#/')) sessionStorage.setItem(ROUTE_KEY, hash);
  const base = window.location.origin + window.location.pathname;
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    redirectUri: base,
  });
  const saved = sessionStorage.getItem(ROUTE_KEY);
  if (saved && !window.location.hash.startsWith('#/')) {
    sessionStorage.removeItem(ROUTE_KEY);
    history.replaceState(history.state, '', base + saved);
  }

  let refreshing: Promise<boolean> | null = null;
  const refresh = () => {
    refreshing ??= keycloak.updateToken(30).finally(() => {
      refreshing = null;
    });
    return refreshing;
  };
  keycloak.onTokenExpired = () => {
    refresh().catch(() => keycloak.login({ redirectUri: window.location.href.split('#')[0] }));
  };

  const parsed = keycloak.tokenParsed ?? {};
  return {
    username: (parsed as { preferred_username?: string }).preferred_username ?? parsed.sub ?? 'unknown',
    roles: [...(parsed.realm_access?.roles ?? [])].sort(),
    locations: [...((parsed as { locations?: string[] }).locations ?? [])],
    async token() {
      try {
        await refresh();
      } catch {
        // The session is gone (logged out elsewhere, idle timeout): log in again, back to where we were.
        sessionStorage.setItem(ROUTE_KEY, window.location.hash);
        await keycloak.login({ redirectUri: base });
        throw new Error('Session expired: logging in again');
      }
      return keycloak.token!;
    },
    async logout() {
      sessionStorage.removeItem(ROUTE_KEY);
      await keycloak.logout({ redirectUri: base });
    },
  };
}
