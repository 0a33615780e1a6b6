/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The gateway serves the build from the web-frontend jar (META-INF/resources) at /, so Vite writes straight into
// Maven's target/classes. In development, `npm run dev` proxies the APIs and the live socket to a running gateway.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:8080';

export default defineConfig({
  // JSX through esbuild's automatic runtime: no React plugin needed (one dependency less to install; the price is
  // no Fast Refresh in `npm run dev`, which reloads the page instead).
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        manualChunks: {
          react: ['react', 'react-dom'],
          charts: ['chart.js'],
          keycloak: ['keycloak-js'],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': gateway,
      '/config.json': gateway,
      '/ws/live': { target: gateway.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
