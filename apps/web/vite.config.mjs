// The web app's build and dev server. `npm run web:dev` serves it on :5173 and passes API paths
// to the gateway (GATEWAY_URL, default http://localhost:4000), so the app talks to one origin
// in development as it does in production.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { graphqlDocuments } from './graphql-documents.mjs';

const gateway = process.env['GATEWAY_URL'] ?? 'http://localhost:4000';
const api = ['/graphql', '/health', '/credentials', '/status-lists', '/issuers', '/verify'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [graphqlDocuments(), react()],
  build: {
    outDir: process.env['WEB_OUT_DIR'] ?? fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        // Message files as messages-<lang>-<area>-<hash>.js (several areas share a file name).
        chunkFileNames: (chunk) => {
          const messages = /\/i18n\/([a-z]{2})\/([a-z-]+)\.json$/.exec(chunk.facadeModuleId ?? '');
          return messages
            ? `assets/messages-${messages[1]}-${messages[2]}-[hash].js`
            : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(api.map((path) => [path, { target: gateway, changeOrigin: true }])),
  },
});
