// One issuance worker: signs the learners it is sent on the fast path and returns the JSON.
import { parentPort } from 'node:worker_threads';
import { createWorld, CREATED, ob } from './_issuance-world.mjs';

const world = await createWorld();
const batch = new ob.BatchCredentialSigner({
  signer: world.signer,
  documentLoader: world.documentLoader,
  created: CREATED,
});
parentPort.on('message', async ({ from, to }) => {
  const out = [];
  for (let i = from; i < to; i++) out.push(JSON.stringify(await batch.sign(world.credentialFor(i))));
  parentPort.postMessage({
    from,
    out,
    stats: batch.stats,
    fetches: world.documentLoader.stats.networkFetches + world.documentLoader.stats.refused,
  });
});
parentPort.postMessage({ ready: true });
