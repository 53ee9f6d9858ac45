// Against a real HTTP server on loopback: what development fetches, production refuses.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchPublicJson } from './fetch-public-json';

describe('fetchPublicJson', () => {
  let server: Server;
  let base: string;
  let port: number;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/doc')
        return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"doc"}');
      if (request.url === '/big')
        return void response.writeHead(200).end(JSON.stringify({ pad: 'x'.repeat(5000) }));
      if (request.url === '/moved') return void response.writeHead(302, { location: '/doc' }).end();
      if (request.url === '/text') return void response.writeHead(200).end('not json');
      if (request.url === '/slow') return; // never answers
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches a JSON document outside production', async () => {
    expect(await fetchPublicJson(`${base}/doc`, { production: false })).toEqual({ id: 'doc' });
  });

  it('refuses non-200 answers, redirects, oversized and non-JSON bodies, and slow servers', async () => {
    await expect(fetchPublicJson(`${base}/missing`, { production: false })).rejects.toThrow(/answered 404/);
    await expect(fetchPublicJson(`${base}/moved`, { production: false })).rejects.toThrow(/answered 302/);
    await expect(fetchPublicJson(`${base}/big`, { production: false, maxBytes: 1000 })).rejects.toThrow(
      /larger than 1000 bytes/,
    );
    await expect(fetchPublicJson(`${base}/text`, { production: false })).rejects.toThrow(/not JSON/);
    await expect(fetchPublicJson(`${base}/slow`, { production: false, timeoutMs: 200 })).rejects.toThrow(
      /abort|timeout/i,
    );
  });

  it('in production refuses loopback by literal address and by name', async () => {
    await expect(fetchPublicJson(`${base}/doc`, { production: true })).rejects.toThrow(
      /non-public address \(127\.0\.0\.1\)/,
    );
    await expect(fetchPublicJson(`http://localhost:${port}/doc`, { production: true })).rejects.toThrow(
      /non-public address/,
    );
  });

  it('in production checks the address it connects to, not only the one it was told first (DNS rebinding)', async () => {
    // The pre-check is told the name is public; the connection's own lookup finds loopback and stops.
    const lying = async () => ['93.184.216.34'];
    await expect(
      fetchPublicJson(`http://localhost:${port}/doc`, { production: true, resolve: lying }),
    ).rejects.toThrow(/localhost resolves to a non-public address/);
  });

  it('keeps to the schemes it is given', async () => {
    await expect(
      fetchPublicJson(`${base}/doc`, { production: false, protocols: ['https:'] }),
    ).rejects.toThrow(/only https URLs/);
  });
});
