// A small HTTP proxy that spreads requests over an app's replicas in turn — in the test stack it
// stands where a Kubernetes Service (or the nginx of compose's `scaled` profile) stands in a
// deployment. A replica that refuses the connection (it is down) is skipped for a second and the
// request goes to the next one: nothing was sent, so that is safe for any request. A replica that
// dies after it received a request is not retried (the request may have had its effect): the
// client gets a 502, as it would from a load balancer, and `stats.failed` counts it.
const http = require('node:http');

const RETRY_ON = new Set(['ECONNREFUSED', 'EHOSTUNREACH']);
const DOWN_FOR_MS = 1_000;
// Hop-by-hop headers belong to one connection and are not forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
]);
const endToEnd = (headers) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));

/**
 * @param {{ port: number, host?: string, upstreams: Array<{ host: string, port: number }>, name?: string }} options
 * @returns {Promise<{ port: number, stats: { forwarded: number, skipped: number, failed: number }, close(): Promise<void> }>}
 */
async function startRoundRobinProxy(options) {
  const upstreams = options.upstreams.map((upstream) => ({ ...upstream, downUntil: 0 }));
  const stats = { forwarded: 0, skipped: 0, failed: 0 };
  let next = 0;
  // A fresh connection per request: a reused idle connection the replica has just closed would
  // fail in a way that cannot be told from a replica dying with the request (loopback: cheap).
  const agent = new http.Agent({ keepAlive: false, maxSockets: 256 });

  const pick = (tried) => {
    const now = Date.now();
    for (let step = 0; step < upstreams.length; step++) {
      const candidate = upstreams[(next + step) % upstreams.length];
      if (tried.has(candidate) || candidate.downUntil > now) continue;
      next = (upstreams.indexOf(candidate) + 1) % upstreams.length;
      return candidate;
    }
    // Every replica looked down: try one not tried yet anyway (it may be back).
    return upstreams.find((candidate) => !tried.has(candidate));
  };

  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const tried = new Set();
      const attempt = () => {
        const upstream = pick(tried);
        if (!upstream) {
          stats.failed++;
          response.writeHead(502, { 'content-type': 'application/json', 'retry-after': '1' });
          response.end(
            JSON.stringify({
              errors: [
                {
                  message: `no ${options.name ?? 'upstream'} replica answers`,
                  extensions: { code: 'SERVICE_UNAVAILABLE' },
                },
              ],
            }),
          );
          return;
        }
        tried.add(upstream);
        const forward = http.request(
          {
            host: upstream.host,
            port: upstream.port,
            method: request.method,
            path: request.url,
            headers: request.headers,
            agent,
          },
          (answer) => {
            stats.forwarded++;
            response.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
            answer.pipe(response);
            answer.on('error', () => response.destroy());
          },
        );
        forward.on('error', (error) => {
          if (response.headersSent) return response.destroy();
          if (RETRY_ON.has(error.code)) {
            upstream.downUntil = Date.now() + DOWN_FOR_MS;
            stats.skipped++;
            return attempt();
          }
          stats.failed++;
          response.writeHead(502, { 'content-type': 'application/json', 'retry-after': '1' });
          response.end(
            JSON.stringify({
              errors: [
                {
                  message: `${options.name ?? 'upstream'} replica failed: ${error.code ?? error.message}`,
                  extensions: { code: 'SERVICE_UNAVAILABLE' },
                },
              ],
            }),
          );
        });
        forward.end(body);
      };
      attempt();
    });
  });
  // A streamed answer (server-sent events, subscriptions) may last: no server-side timeout.
  server.requestTimeout = 0;
  // Clients keep idle connections to the proxy; it keeps them longer than they do (undici: 4 s).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    stats,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

module.exports = { startRoundRobinProxy };
