// The HTTP edge of every service: takes (or creates) the request id, continues the caller's
// trace in a server span, counts the request and its latency, and serves /metrics.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from './logger';
import { httpDuration, httpRequests, metricsText, registry } from './metrics';
import { REQUEST_ID_HEADER, requestIdFrom, runInRequestScope } from './request-scope';
import { runInContext, startSpan } from './tracing';

type Next = (error?: unknown) => void;

/** A route label that does not explode metrics' cardinality: known paths, else the first segment. */
function routeOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  if (path === '/graphql' || path === '/metrics' || path.startsWith('/health/')) return path;
  const first = path.split('/')[1];
  return first ? `/${first}/*` : '/';
}

export function observeHttp(): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const log = logger('http');
  return (req, res, next) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const route = routeOf(req.url);
    const started = process.hrtime.bigint();
    const { span, context } = startSpan(`${req.method ?? 'GET'} ${route}`, {
      kind: 'server',
      parent: req.headers as Record<string, unknown>,
      attributes: {
        'http.request.method': req.method ?? 'GET',
        'url.path': route,
        'lattice.request_id': requestId,
      },
    });
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      httpRequests.inc({ method: req.method ?? 'GET', route, status: String(res.statusCode) });
      httpDuration.observe({ method: req.method ?? 'GET', route }, seconds);
      span.setAttribute('http.response.status_code', res.statusCode);
      span.end();
      if (log.isLevelEnabled('debug'))
        log.debug(
          {
            requestId,
            method: req.method,
            url: req.url,
            status: res.statusCode,
            ms: Math.round(seconds * 1000),
          },
          'request',
        );
    });
    runInRequestScope({ requestId }, () => runInContext(context, () => next()));
  };
}

/** GET /metrics in Prometheus' text format. */
export function metricsEndpoint(): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    metricsText().then(
      (text) => {
        res.statusCode = 200;
        res.setHeader('content-type', registry.contentType);
        res.end(text);
      },
      (error: unknown) => {
        logger('metrics').error({ err: error }, 'metrics could not be collected');
        res.statusCode = 500;
        res.end();
      },
    );
  };
}
