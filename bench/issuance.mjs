// `npm run bench -- issuance [--count 6000] [--reference 300] [--verify 300] [--workers 2]`:
// signed OB 3.0 credentials per second on the reference path (@digitalbazaar/vc, one at a time)
// and on the batch fast path (expansion once per shape, worker threads), the bare Ed25519 loop,
// verification latency, and how many documents were fetched from the network (must be 0).
// The fast path's output is compared byte for byte with the reference path's and verified.
// Then the same end to end on Postgres (`--db-count`, `--db-reference`; `--db false` skips it):
// awardCredential one learner at a time against awardCredentialBatch's processor, writes included.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build, options, ROOT } from './_common.mjs';

const opts = options({
  count: 6000,
  reference: 300,
  verify: 300,
  workers: availableParallelism(),
  skipBuild: 'false',
  db: 'true',
  dbCount: 3000,
  dbReference: 200,
});
const loadBefore = loadavg()[0];
if (opts.skipBuild !== 'true') build();
const { createWorld, CREATED, ob } = await import('./_issuance-world.mjs');

const world = await createWorld();
const { documentLoader, signer } = world;
const validateSchema = ob.createOb3SchemaValidator(ob.loadOb3Schema(join(ROOT, ob.OB3_SCHEMA_FILE)));
const verifier = ob.createCredentialVerifier({
  documentLoader,
  validateSchema,
  resolveStatusListCredential: (url) => (url === world.statusListUrl ? world.statusListCredential : null),
});
const rate = (n, ms) => Math.round((n / ms) * 1000);

// 1. Reference path: @digitalbazaar/vc + data-integrity + eddsa-rdfc-2022, one credential at a time.
for (let i = 0; i < 20; i++)
  await ob.signCredential(world.credentialFor(1_000_000 + i), { signer, documentLoader, created: CREATED });
const reference = [];
let started = performance.now();
for (let i = 0; i < opts.reference; i++)
  reference.push(
    JSON.stringify(
      await ob.signCredential(world.credentialFor(i), { signer, documentLoader, created: CREATED }),
    ),
  );
const referenceMs = performance.now() - started;

// 2. Fast path, one thread.
const single = new ob.BatchCredentialSigner({ signer, documentLoader, created: CREATED });
for (let i = 0; i < 20; i++) await single.sign(world.credentialFor(2_000_000 + i));
const singleCount = Math.min(opts.count, 2000);
started = performance.now();
for (let i = 0; i < singleCount; i++) await single.sign(world.credentialFor(i));
const singleMs = performance.now() - started;

// 2b. Credentials that do not share one shape, same thread, same counts: how much of the speed-up holds.
async function measureMixed(variety) {
  const referenceOut = [];
  let t = performance.now();
  for (let i = 0; i < opts.reference; i++) {
    const credential = world.mixedCredentialFor(i, variety);
    referenceOut.push(
      JSON.stringify(await ob.signCredential(credential, { signer, documentLoader, created: CREATED })),
    );
  }
  const referenceRate = rate(opts.reference, performance.now() - t);
  const batch = new ob.BatchCredentialSigner({ signer, documentLoader, created: CREATED });
  const out = [];
  t = performance.now();
  for (let i = 0; i < singleCount; i++)
    out.push(JSON.stringify(await batch.sign(world.mixedCredentialFor(i, variety))));
  const fastRate = rate(singleCount, performance.now() - t);
  let identical = 0;
  for (let i = 0; i < opts.reference; i++) if (out[i] === referenceOut[i]) identical++;
  let verified = 0;
  let sampled = 0;
  for (let i = 0; i < out.length; i += 40, sampled++) {
    const report = await verifier.verify(JSON.parse(out[i]));
    if (report.verified) verified++;
    else console.error(`${variety} credential ${i} failed:`, report.failed);
  }
  return { variety, referenceRate, fastRate, stats: batch.stats, identical, verified, sampled };
}
const mixedRuns = [await measureMixed('batch'), await measureMixed('any')];

// 3. Fast path on worker threads: each worker has the batch signer; the main thread hands out ranges.
const workers = await Promise.all(
  Array.from({ length: opts.workers }, () => {
    const worker = new Worker(new URL('./_issuance-worker.mjs', import.meta.url));
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    });
  }),
);
const runOn = (worker, from, to) =>
  new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage({ from, to });
  });
await Promise.all(workers.map((worker, w) => runOn(worker, 3_000_000 + w * 50, 3_000_000 + w * 50 + 50))); // warm-up
const chunk = 250;
const fast = new Array(opts.count);
let fetchesInWorkers = 0;
let workerStats = [];
started = performance.now();
let next = 0;
await Promise.all(
  workers.map(async (worker) => {
    while (next < opts.count) {
      const from = next;
      const to = Math.min(opts.count, from + chunk);
      next = to;
      const result = await runOn(worker, from, to);
      result.out.forEach((json, k) => (fast[from + k] = json));
      fetchesInWorkers = Math.max(fetchesInWorkers, result.fetches);
      workerStats.push(result.stats);
    }
  }),
);
const fastMs = performance.now() - started;
await Promise.all(workers.map((worker) => worker.terminate()));

// 4. The bare Ed25519 loop (node:crypto) over 64-byte messages, like the proofs' hash pair.
const { privateKey } = generateKeyPairSync('ed25519');
const message = Buffer.alloc(64, 1);
const bareCount = 20000;
started = performance.now();
for (let i = 0; i < bareCount; i++) sign(null, message, privateKey);
const bareMs = performance.now() - started;

// 5. Correctness: byte for byte against the reference path, and verification of a spread sample.
let identical = 0;
for (let i = 0; i < opts.reference; i++) if (fast[i] === reference[i]) identical++;
const latencies = [];
let verified = 0;
const step = Math.max(1, Math.floor(opts.count / opts.verify));
for (let n = 0, i = 0; n < opts.verify && i < opts.count; n++, i += step) {
  const credential = JSON.parse(fast[i]);
  const t = performance.now();
  const report = await verifier.verify(credential);
  latencies.push(performance.now() - t);
  if (report.verified) verified++;
  else console.error(`credential ${i} failed:`, report.failed);
}
latencies.sort((a, b) => a - b);
const pct = (p) =>
  latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)].toFixed(1);
const fetches = documentLoader.stats.networkFetches + documentLoader.stats.refused + fetchesInWorkers;
const templated = workerStats.at(-1);

// 6. End to end on Postgres: the award paths of the credentials service, DB writes included.
let db = null;
if (opts.db !== 'false') {
  const { measureAwardPaths } = await import('./_issuance-db.mjs');
  db = await measureAwardPaths({ referenceCount: opts.dbReference, batchCount: opts.dbCount });
}
const loadAfter = loadavg()[0];

const cpuModel =
  (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ??
  cpus()[0]?.model ??
  'unknown';
const referenceRate = rate(opts.reference, referenceMs);
const oneShapeRate = rate(singleCount, singleMs);
const rows = [
  [
    'reference path (@digitalbazaar/vc, one at a time, 1 thread)',
    `${rate(opts.reference, referenceMs)} credentials/s`,
    `${opts.reference} signed`,
  ],
  ['fast path, 1 thread', `${rate(singleCount, singleMs)} credentials/s`, `${singleCount} signed`],
  ...mixedRuns.flatMap((run) => {
    const label =
      run.variety === 'batch'
        ? 'mixed shapes, one design (12 shapes)'
        : 'mixed shapes, any design and evidence';
    return [
      [
        `${label}: reference path, 1 thread`,
        `${run.referenceRate} credentials/s`,
        `${opts.reference} signed`,
      ],
      [
        `${label}: fast path, 1 thread`,
        `${run.fastRate} credentials/s`,
        `${singleCount} signed, ${run.stats.templates} shapes expanded in the run; ${((run.fastRate / oneShapeRate) * 100).toFixed(0)}% of the one-shape rate, ${(run.fastRate / run.referenceRate).toFixed(1)}× its reference (one shape: ${(oneShapeRate / referenceRate).toFixed(1)}×)`,
      ],
      [
        `${label}: fast = reference byte for byte; verified`,
        `${run.identical}/${opts.reference}; ${run.verified}/${run.sampled}`,
        'first learners; every 40th',
      ],
    ];
  }),
  [
    `fast path, ${opts.workers} worker threads`,
    `${rate(opts.count, fastMs)} credentials/s`,
    `${opts.count} signed (target ≥ 1,000/s)`,
  ],
  [
    'bare Ed25519 signing loop (node:crypto, 1 thread)',
    `${rate(bareCount, bareMs)} signatures/s`,
    `${bareCount} signatures`,
  ],
  [
    'fast path = reference path, byte for byte',
    `${identical}/${opts.reference}`,
    'first learners of the batch',
  ],
  [
    'fast path credentials verified',
    `${verified}/${latencies.length}`,
    'schema, dates, issuer key, proof, status',
  ],
  ['verification latency p50 / p95 / p99', `${pct(50)} / ${pct(95)} / ${pct(99)} ms`, 'target p99 ≤ 50 ms'],
  ['network fetches (contexts, keys)', String(fetches), 'must be 0'],
];
if (db) {
  rows.push(
    [
      'end to end: awardCredential one at a time (reference path, Postgres)',
      `${db.reference} awards/s`,
      `${db.referenceCount} awards, one transaction each`,
    ],
    [
      'end to end: awardCredentialBatch processor (batch signer, Postgres)',
      `${db.batch} awards/s`,
      `${db.batchCount} awards in batches of 1,000, queueing included (${db.queuedMs} ms), 1 replica`,
    ],
    [
      'end to end: batch awards verified',
      `${db.verified}/${db.sampled}`,
      'random sample read back from the awards table',
    ],
  );
}
console.log(rows.map(([a, b, c]) => `${a.padEnd(72)} ${b.padEnd(26)} ${c}`).join('\n'));
if (templated) console.log(`(worker batch signer: ${JSON.stringify(templated)})`);

const date = new Date().toISOString();
const markdown = `# Issuance bench

\`npm run bench -- issuance\` (bench/issuance.mjs), ${date}

Machine: ${cpus().length} CPUs (nproc ${availableParallelism()}), ${cpuModel}, Node ${process.version}; Postgres on the same machine.
Load average (1 min) ${loadBefore.toFixed(2)} at start, ${loadAfter.toFixed(2)} at end (the end includes the bench's own threads)${loadBefore > 0.7 ? ': taken under contention (the 2 cores were shared with other work), so the figures are lower bounds' : ': the machine was otherwise quiet'}.
Credential: OB 3.0 OpenBadgeCredential with an embedded signed EndorsementCredential, 4 alignments,
a mastery ResultDescription, a result, one evidence item and a BitstringStatusListEntry; proof
DataIntegrityProof / eddsa-rdfc-2022. The *mixed shapes* rows sign credentials that do not share one
shape, each with a fresh batch signer, so every template is built within the timed run: *one design*
is a batch as a CSV of one design varies (0–2 evidence items, optional score and validUntil: 12
shapes); *any design and evidence* mixes four designs, 0–3 evidence items with free members,
optional score, validUntil, awardedDate and status entry (most credentials a shape of their own:
the worst case, where the fast path does the reference's expansion plus its own work).
The end-to-end rows award a published credential (one embedded employer endorsement, no alignments) with
the service's own code: issuer key, status list, award rows, batch items and outbox events are all written.

| measure | value | notes |
|---|---|---|
${rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`).join('\n')}
`;
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/issuance.md'), markdown);
const ok =
  identical === opts.reference &&
  mixedRuns.every((run) => run.identical === opts.reference && run.verified === run.sampled) &&
  verified === latencies.length &&
  fetches === 0 &&
  (!db || db.verified === db.sampled);
if (!ok) {
  console.error('issuance bench: correctness check failed');
  process.exit(1);
}
