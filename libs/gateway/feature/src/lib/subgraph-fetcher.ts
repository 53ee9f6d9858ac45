// How the gateway reaches its subgraphs: one keep-alive connection pool (undici) per process.
// It honours each subgraph's `Keep-Alive: timeout=N` (closing its own side 2 s earlier), so it
// never sends a request on a connection the subgraph is closing. Apollo's default client kept
// idle connections forever: a request after ~5 s of quiet could be reset before the subgraph
// read it, answered as INTERNAL_SERVER_ERROR with no log anywhere (issue 16).
import { Agent, fetch } from 'undici';

const agent = new Agent({
  keepAliveTimeout: 4_000, // when a subgraph names no timeout (Node servers say 5 s)
  keepAliveTimeoutThreshold: 2_000,
  connections: 64,
  pipelining: 1,
});

export const subgraphFetcher = ((url: string, init: Parameters<typeof fetch>[1]) =>
  fetch(url, { ...init, dispatcher: agent })) as unknown as typeof globalThis.fetch;

export function closeSubgraphConnections(): Promise<void> {
  return agent.close();
}
