import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { login, loadConfig } from './auth/auth';
import { HttpClient } from './api/http';
import { Api } from './api/endpoints';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

async function start() {
  try {
    const auth = await login(await loadConfig());
    const api = new Api(new HttpClient(() => auth.token()));
    root.render(
      <StrictMode>
        <App session={{ auth, api }} />
      </StrictMode>,
    );
  } catch (e) {
    root.render(
      <div className="boot-error" role="alert">
        <h1>Sales Pulse could not start</h1>
        <p>{(e as Error)?.message ?? String(e)}</p>
        <p>The login server may be unreachable. <a href="/">Try again</a></p>
      </div>,
    );
  }
}

void start();

// Installable app: cache the shell and hashed assets (never the APIs). Only in production builds.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
