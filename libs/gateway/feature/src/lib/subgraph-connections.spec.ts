// Issue 16, "Broken" 2: a click after a few seconds of quiet answered INTERNAL_SERVER_ERROR (six
// at once for a plan of six fetches) while the mutation had committed, and no service logged it.
// Cause: the gateway's subgraph client (Apollo's default make-fetch-happen agent) keeps idle
// connections forever, while every subgraph (a Node server) closes an idle connection after 5 s
// and says so (`Keep-Alive: timeout=5`). A fetch sent on a connection the subgraph is closing is
// reset before the subgraph reads it: the gateway answers 500 and the subgraph never saw a request.
// This subgraph stands in for that moment deterministically: a request arriving on a connection
// idle for longer than 4 s is dropped, as the closing Node server would drop it.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { DEFAULT_LIMITS } from './operation-limits';
import { type RunningGateway, startGateway } from './gateway';

const IDLE_CLOSE_MS = 4_000;

describe('gateway → subgraph connections', () => {
  let subgraph: Server;
  let gateway: RunningGateway;
  let url: string;
  const lastAnswered = new WeakMap<Socket, number>();
  let dropped = 0;
  let connections = 0;

  beforeAll(async () => {
    subgraph = createServer((req, res) => {
      const idle = lastAnswered.has(req.socket) ? Date.now() - lastAnswered.get(req.socket)! : 0;
      if (idle > IDLE_CLOSE_MS) {
        dropped++;
        req.socket.destroy();
        return;
      }
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { fine: 'ok' } }), () => lastAnswered.set(req.socket, Date.now()));
      });
    });
    subgraph.keepAliveTimeout = 5_000; // Node's default: it answers `Keep-Alive: timeout=5`
    subgraph.on('connection', () => connections++);
    await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
    const subgraphUrl = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
    const typeDefs = parse(
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"]) type Query { fine: String }',
    );
    const composed = composeServices([{ name: 'probe', url: subgraphUrl, typeDefs }]);
    const supergraphPath = join(mkdtempSync(join(tmpdir(), 'lattice-connections-')), 'supergraph.graphql');
    writeFileSync(supergraphPath, composed.supergraphSdl!);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath,
      subgraphUrls: { probe: subgraphUrl },
      introspection: false,
      bodyLimit: '100kb',
      limits: DEFAULT_LIMITS,
    });
    url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await gateway?.stop();
    await new Promise((resolve) => subgraph?.close(resolve));
  });

  const ask = async () =>
    (await (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ fine }' }),
      })
    ).json()) as unknown;

  it('reuses a warm connection, and never sends on one the subgraph is about to close', async () => {
    expect(await ask()).toEqual({ data: { fine: 'ok' } });
    expect(await ask()).toEqual({ data: { fine: 'ok' } });
    expect(connections).toBe(1); // keep-alive: the second request used the first connection
    await new Promise((resolve) => setTimeout(resolve, IDLE_CLOSE_MS + 500));
    expect(await ask()).toEqual({ data: { fine: 'ok' } });
    expect(dropped).toBe(0);
  }, 20_000);
});
