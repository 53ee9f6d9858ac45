// Serves the built web app (apps/web, `vite build` output) from the gateway's origin: hashed
// assets with long caching, and index.html for any other GET a browser makes so client-side
// routes load. API paths never fall through to the app: they keep their own answers and 404s.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import express, { type Router } from 'express';
import { injectPage, type Prerender } from './catalogue-prerender';

/** Paths the gateway answers itself or passes to a service; the app never shadows them. */
export const API_PATH_PREFIXES = [
  '/graphql',
  '/health',
  '/credentials',
  '/status-lists',
  '/issuers',
  '/verify',
  '/sitemap.xml',
  '/ctdl',
  '/achievements',
] as const;

export function isApiPath(path: string): boolean {
  return API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix + '/'));
}

/** A router serving the app built into `root`, or null when it was not built; `prerender` fills some pages in. */
export function webApp(root: string, prerender?: Prerender): Router | null {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return null;
  const router = express.Router();
  router.use(
    '/assets',
    express.static(join(root, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
  const files = express.static(root, { index: false });
  router.use((request, response, next) =>
    isApiPath(request.path) ? next() : files(request, response, next),
  );
  router.use((request, response, next) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) return next();
    if (request.path !== '/' && /\.[a-z0-9]+$/i.test(request.path)) return next(); // a missing file is a 404, not the app
    response.setHeader('cache-control', 'no-cache');
    const search = request.originalUrl.includes('?')
      ? request.originalUrl.slice(request.originalUrl.indexOf('?'))
      : '';
    const page =
      prerender && request.method === 'GET'
        ? prerender(request.path, search, request.headers['accept-language'])
        : null;
    if (!page) return response.sendFile(index);
    void Promise.all([page, readFile(index, 'utf8')]).then(
      ([filled, html]) =>
        filled ? response.type('html').send(injectPage(html, filled)) : response.sendFile(index),
      next,
    );
  });
  return router;
}
