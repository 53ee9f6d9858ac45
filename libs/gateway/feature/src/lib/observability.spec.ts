// A forced resolver failure, seen as an operator would: the client gets one masked
// INTERNAL_SERVER_ERROR; the subgraph that threw logs the cause with its stack and the request
// id; the gateway logs the same request id; and the trace has a failed span in the subgraph,
// in the gateway's trace (traceparent crossed the HTTP hop). Real gateway, real Nest subgraph.
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { composeServices } from '@apollo/composition';
import { type INestApplication, Module, UseGuards } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { parse } from 'graphql';
import { AuthGuard, AuthModule, generateTokenKeys, Public } from '@lattice/shared-auth';
import { bootstrapService, subgraphGraphQLModule } from '@lattice/shared-graphql';
import { shutdownTracing } from '@lattice/shared-util-observability';
import { DEFAULT_LIMITS } from './operation-limits';
import { type RunningGateway, startGateway } from './gateway';

@Resolver()
@UseGuards(AuthGuard)
class FailingResolver {
  @Public()
  @Query(() => String, { description: 'Always fails, as a bug would.' })
  failing(): string {
    throw new Error('forced failure: relation "probe" does not exist');
  }

  @Public()
  @Query(() => String)
  fine(): string {
    return 'ok';
  }
}

describe('observability of an internal error', () => {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const exporter = new InMemorySpanExporter();
  const observability = { logDestination: destination, traceExporter: exporter };
  let subgraph: INestApplication;
  let gateway: RunningGateway;
  let url: string;

  beforeAll(async () => {
    const keys = await generateTokenKeys();
    @Module({
      imports: [
        AuthModule.forRoot({
          publicKeyPem: keys.publicKeyPem,
          issuer: 'lattice-test',
          audience: 'lattice-test',
          membershipSource: { useValue: { membershipsOf: async () => [] } as never },
        }),
        subgraphGraphQLModule(),
      ],
      providers: [FailingResolver],
    })
    class ProbeModule {}
    subgraph = await bootstrapService(ProbeModule, { name: 'probe', port: 0, observability });
    const subgraphUrl = `http://127.0.0.1:${(subgraph.getHttpServer().address() as AddressInfo).port}/graphql`;
    const sdl = (await (
      await fetch(subgraphUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      })
    ).json()) as {
      data: { _service: { sdl: string } };
    };
    const composed = composeServices([
      { name: 'probe', url: subgraphUrl, typeDefs: parse(sdl.data._service.sdl) },
    ]);
    if (!composed.supergraphSdl)
      throw new Error(`composition failed: ${composed.errors?.map((e) => e.message).join('; ')}`);
    const supergraphPath = join(mkdtempSync(join(tmpdir(), 'lattice-observability-')), 'supergraph.graphql');
    writeFileSync(supergraphPath, composed.supergraphSdl);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath,
      subgraphUrls: { probe: subgraphUrl },
      introspection: false,
      bodyLimit: '100kb',
      limits: DEFAULT_LIMITS,
      observability,
    });
    url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.close();
    await shutdownTracing();
  });

  it('logs the cause with the request id in the subgraph and at the gateway, and records a failed span in one trace', async () => {
    const requestId = 'req-observability-0001';
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: '{ failing fine }' }),
    });
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(body.errors).toEqual([
      { message: 'Internal server error', path: ['failing'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(JSON.stringify(body)).not.toContain('probe');

    await new Promise((resolve) => setImmediate(resolve));
    const errors = lines.filter((line) => line['level'] === 'error' && line['requestId'] === requestId);
    const inSubgraph = errors.find((line) => line['component'] === 'graphql');
    expect(inSubgraph).toMatchObject({
      path: 'failing',
      err: { message: expect.stringContaining('relation "probe" does not exist') as unknown },
    });
    expect(String((inSubgraph?.['err'] as { stack?: string })?.stack)).toContain('FailingResolver.failing');
    expect(inSubgraph?.['traceId']).toMatch(/^[0-9a-f]{32}$/);
    const atGateway = errors.find((line) => line['component'] === 'gateway');
    expect(atGateway).toMatchObject({ path: 'failing', msg: 'internal server error' });

    const spans = exporter.getFinishedSpans();
    const failed = spans.filter((span) => span.status.code === SpanStatusCode.ERROR);
    const subgraphSpan = failed.find(
      (span) =>
        span.attributes['lattice.request_id'] === requestId &&
        span.resource.attributes['service.name'] !== undefined,
    );
    expect(subgraphSpan).toBeDefined();
    expect(subgraphSpan?.events.some((event) => event.name === 'exception')).toBe(true);
    // Gateway and subgraph spans share one trace, and the subgraph logged under it.
    const trace = spans.filter((span) => span.spanContext().traceId === subgraphSpan?.spanContext().traceId);
    expect(trace.length).toBeGreaterThanOrEqual(2);
    expect(new Set(trace.map((span) => span.attributes['lattice.request_id']).filter(Boolean))).toEqual(
      new Set([requestId]),
    );
    expect(inSubgraph?.['traceId']).toBe(subgraphSpan?.spanContext().traceId);
  });

  it('replaces an invalid incoming request id with a fresh one', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id\twith "quotes"' },
      body: JSON.stringify({ query: '{ fine }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves Prometheus metrics with request counts, latency and errors by code', async () => {
    const text = await (await fetch(url.replace('/graphql', '/metrics'))).text();
    expect(text).toMatch(/http_requests_total\{[^}]*route="\/graphql"[^}]*status="200"[^}]*\} \d+/);
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toMatch(/graphql_errors_total\{[^}]*code="INTERNAL_SERVER_ERROR"[^}]*\} [1-9]/);
  });
});
