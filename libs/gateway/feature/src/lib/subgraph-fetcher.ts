// How the gateway reaches its subgraphs: one keep-alive connection pool (undici) per process.
// It honours each subgraph's `Keep-Alive: timeout=N` (closing its own side 2 s earlier), so it
// never sends a request on a connection the subgraph is closing. Apollo's default client kept
// idle connections forever: a request after ~5 s of quiet could be reset before the subgraph
// read it, answered as INTERNAL_SERVER_ERROR with no log anywhere (issue 16).
// The answer is the small part of a fetch Response that Apollo's RemoteGraphQLDataSource reads
// (ok, status, headers.get, json, text), built from undici's request(): no web streams per call.
import { Agent } from 'undici';

const agent = new Agent({
  keepAliveTimeout: 4_000, // when a subgraph names no timeout (Node servers say 5 s)
  keepAliveTimeoutThreshold: 2_000,
  connections: 64,
  pipelining: 1,
});

export interface SubgraphAnswer {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export async function subgraphFetcher(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<SubgraphAnswer> {
  const answer = await agent.request({
    origin: new URL(url).origin,
    path: new URL(url).pathname,
    method: (init.method ?? 'POST') as 'POST',
    headers: init.headers ?? {},
    body: init.body ?? null,
  });
  const text = await answer.body.text();
  const headers = answer.headers;
  return {
    ok: answer.statusCode >= 200 && answer.statusCode < 300,
    status: answer.statusCode,
    statusText: '',
    url,
    headers: {
      get(name: string) {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  };
}
