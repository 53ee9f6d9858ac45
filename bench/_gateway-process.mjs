// One gateway process for bench/gateway.mjs: `lattice` (startGateway from a build, every
// hardening property on) or `stock` (Apollo Gateway + Apollo Server on Express, nothing added),
// on the same supergraph and subgraphs. It profiles its own CPU on request (node:inspector) and
// answers with the profile's top entries by self time; it also reports its CPU time, so the
// bench can print CPU per request, a figure a busy machine disturbs far less than req/s.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { require, ROOT } from './_common.mjs';

const [kind, port, dist, supergraphPath, urlsJson] = process.argv.slice(2);
const subgraphUrls = JSON.parse(urlsJson);

if (kind === 'lattice' || kind === 'lattice-full') {
  const { startGateway } = require(join(dist, 'libs/gateway/feature/src/index.js'));
  await startGateway({
    port: Number(port),
    host: '127.0.0.1',
    supergraphPath,
    subgraphUrls,
    introspection: false,
    bodyLimit: '200kb',
    limits: { maxDepth: 12, maxAliases: 30, maxCost: 20000, defaultListSize: 20 },
    directFetch: kind === 'lattice',
  });
} else {
  const { ApolloServer } = require('@apollo/server');
  const { ApolloGateway, RemoteGraphQLDataSource } = require('@apollo/gateway');
  const { expressMiddleware } = require('@as-integrations/express5');
  const express = require('express');
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    buildService: ({ name, url }) =>
      new (class extends RemoteGraphQLDataSource {
        willSendRequest({ request, context }) {
          const authorization = context.req?.headers['authorization'];
          if (authorization) request.http.headers.set('authorization', authorization);
        }
      })({ url: subgraphUrls[name] ?? url }),
  });
  const apollo = new ApolloServer({ gateway });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo, { context: async ({ req }) => ({ req }) }));
  await new Promise((resolve) => createServer(app).listen(Number(port), '127.0.0.1', resolve));
}

const session = new Session();
session.connect();
process.on('message', async (message) => {
  if (message === 'profile:start') {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    process.send('profile:started');
  } else if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ cpuMicros: user + system });
  } else if (message === 'profile:stop') {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(join(ROOT, 'tmp/bench-profiles'), { recursive: true });
    writeFileSync(join(ROOT, 'tmp/bench-profiles', `${kind}.cpuprofile`), JSON.stringify(profile));
    process.send({ top: summarize(profile), packages: byPackage(profile) });
  }
});
process.send('ready');

/** Self time per function (name, file:line), as a share of all samples. */
function summarize(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  let total = 0;
  for (const [id, n] of counts) {
    const { callFrame } = byId.get(id);
    const file = callFrame.url
      .replace(/^file:\/\//, '')
      .replace(/.*node_modules\//, '')
      .replace(/.*\/(dist|libs)\//, '$1/');
    const key =
      `${callFrame.functionName || '(anonymous)'} ${file ? `${file}:${callFrame.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + n);
    total += n;
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([name, n]) => ({ name, percent: Math.round((n / total) * 1000) / 10 }));
}

/** Self time per package (node_modules package, Lattice's own code, Node's internals, GC, idle), as a share of all samples. */
function byPackage(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const id of profile.samples) {
    const { callFrame } = byId.get(id);
    const url = callFrame.url.replace(/^file:\/\//, '');
    let group;
    if (!url) group = callFrame.functionName.startsWith('(') ? callFrame.functionName : '(native)';
    else if (url.startsWith('node:')) group = `node:${url.slice(5).split('/')[0]}`;
    else if (url.includes('node_modules/')) {
      const rest = url.slice(url.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/');
      group = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    } else group = 'lattice';
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const total = profile.samples.length;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 14)
    .map(([name, n]) => ({ name, percent: Math.round((n / total) * 1000) / 10 }));
}
