// The public, account-free HTTP endpoints (credentials, status lists, issuer profiles,
// verification) live in the credentials service; the gateway passes them through on its origin.
import type { Request, Response, NextFunction } from 'express';

const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'if-none-match',
  'x-request-id',
];
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'etag',
  'cache-control',
  'last-modified',
  'content-disposition',
  'location',
  'content-location',
  'link',
  'vary',
];

export function proxyTo(baseUrl: string, timeoutMs = 10_000) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    try {
      const target = new URL(request.originalUrl, baseUrl);
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const upstream = await fetch(target, {
        method: request.method,
        headers,
        body: hasBody ? JSON.stringify(request.body ?? {}) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      response.status(upstream.status);
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = upstream.headers.get(name);
        if (value) response.setHeader(name, value);
      }
      response.send(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'TypeError') {
        response
          .status(502)
          .json({ error: 'The service behind this address is not answering. Try again shortly.' });
        return;
      }
      next(error);
    }
  };
}
