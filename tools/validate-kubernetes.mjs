// Validates Kubernetes manifests offline against the Kubernetes API's JSON schemas (the
// validators the `kubernetes-models` package compiles from the OpenAPI spec of Kubernetes 1.27+):
// types, required fields, enums and formats of every object. No cluster is needed.
//
//   node tools/kubernetes.cjs | node tools/validate-kubernetes.mjs      (or file arguments)
//
// Prints one line per document and exits 1 when any is invalid or of a kind it does not know.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

export async function validateDocument(document) {
  if (!document || typeof document !== 'object') return { ok: false, problem: 'not an object' };
  const { apiVersion, kind } = document;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string')
    return { ok: false, problem: 'apiVersion and kind are required' };
  let Model;
  try {
    Model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    return { ok: false, problem: `no schema for ${apiVersion} ${kind}` };
  }
  if (!Model) return { ok: false, problem: `no schema for ${apiVersion} ${kind}` };
  try {
    new Model(document).validate();
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: error.message };
  }
}

export async function validateText(text) {
  const results = [];
  for (const document of yaml.loadAll(text)) {
    if (document === null || document === undefined) continue;
    const result = await validateDocument(document);
    results.push({ kind: document?.kind, name: document?.metadata?.name, ...result });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  const text = files.length
    ? files.map((file) => readFileSync(file, 'utf8')).join('\n---\n')
    : readFileSync(0, 'utf8');
  const results = await validateText(text);
  for (const result of results)
    console.log(
      `${result.ok ? 'valid  ' : 'INVALID'} ${result.kind} ${result.name}${result.ok ? '' : `: ${result.problem}`}`,
    );
  const invalid = results.filter((result) => !result.ok).length;
  console.log(`${results.length} manifests, ${invalid} invalid`);
  process.exit(invalid || results.length === 0 ? 1 : 0);
}
