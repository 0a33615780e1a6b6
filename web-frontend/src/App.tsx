import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { SessionContext, type Session } from './auth/AuthContext';
import { appRoles, can, type Permission } from './auth/roles';
import { createLive, LiveProvider } from './live/LiveContext';
import { CatalogProvider } from './components/Catalog';
import { AlertToasts } from './components/AlertToasts';
import { NotAllowed } from './components/NotAllowed';
import { useRoute } from './router';
import { Dashboard } from './pages/Dashboard';
import { SalesEntry } from './pages/SalesEntry';
import { Orders } from './pages/Orders';
import { Inventory } from './pages/Inventory';
import { Alerts } from './pages/Alerts';
import { Recommendations } from './pages/Recommendations';

interface NavItem {
  path: string;
  label: string;
  permission: Permission;
  render: () => ReactNode;
}

export const NAV: NavItem[] = [
  { path: '/', label: 'Dashboard', permission: 'dashboard', render: () => <Dashboard /> },
  { path: '/sales', label: 'Sales entry', permission: 'enterSales', render: () => <SalesEntry /> },
  { path: '/orders', label: 'Orders', permission: 'readOrders', render: () => <Orders /> },
  { path: '/inventory', label: 'Inventory', permission: 'readInventory', render: () => <Inventory /> },
  { path: '/alerts', label: 'Alerts', permission: 'readAlerts', render: () => <Alerts /> },
  { path: '/recommendations', label: 'Recommendations', permission: 'readRecommendations', render: () => <Recommendations /> },
];

export function visibleNav(roles: readonly string[]): NavItem[] {
  return NAV.filter((n) => can(roles, n.permission));
}

export function App({ session }: { session: Session }) {
  const live = useMemo(() => createLive(session.api), [session.api]);
  return (
    <SessionContext.Provider value={session}>
      <LiveProvider live={live}>
        <CatalogProvider>
          <Shell session={session} />
        </CatalogProvider>
      </LiveProvider>
    </SessionContext.Provider>
  );
}

function Shell({ session }: { session: Session }) {
  const route = useRoute();
  const items = visibleNav(session.auth.roles);
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const current = NAV.find((n) => n.path === route.path);

  useEffect(() => {
    setMenuOpen(false);
    document.title = `${current?.label ?? 'Not found'} · Sales Pulse`;
  }, [route.path, current]);

  let content: ReactNode;
  if (!current) content = <NotFound />;
  else if (!can(session.auth.roles, current.permission)) content = <NotAllowed what={current.label} />;
  else content = current.render();

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="#/">
          <img src="/icon.svg" alt="" width={28} height={28} />
          <span>Sales Pulse</span>
        </a>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden="true">☰</span> Menu
        </button>
        <nav id="main-nav" className={`nav${menuOpen ? ' open' : ''}`} aria-label="Main">
          <ul>
            {items.map((n) => (
              <li key={n.path}>
                <a href={`#${n.path}`} aria-current={route.path === n.path ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
          <div className="user">
            <span className="user-name" data-testid="user-name">
              {session.auth.username}
            </span>
            <span className="user-roles">{appRoles(session.auth.roles).join(', ')}</span>
            <button type="button" className="secondary small" onClick={() => void session.auth.logout()}>
              Log out
            </button>
          </div>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {content}
      </main>
      <AlertToasts />
    </div>
  );
}

function NotFound() {
  return (
    <div className="page">
      <div className="card notice">
        <h1>Page not found</h1>
        <p>
          <a href="#/">Back to the dashboard</a>
        </p>
      </div>
    </div>
  );
}
