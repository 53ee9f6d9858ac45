// Batch issuance at the speed of canonicalization: JSON-LD expansion (~95% of signing one
// credential) runs once per credential *shape*, not once per learner.
//
// A learner's credential is split into shared parts (frozen objects: issuer, achievement with its
// endorsements, contexts) and per-learner strings (ids, identity hash, dates, score, evidence,
// status entry). The first credential of a shape is expanded to RDF with every per-learner string
// replaced by a unique slot IRI; each later one substitutes its own strings into that dataset and
// only runs RDFC-1.0 canonicalization, hashing and Ed25519 signing. The proof options are
// canonicalized once. Canonicalization does not depend on the dataset's blank node labels, so the
// canonical N-Quads, the signature (Ed25519 is deterministic) and the JSON are exactly what
// `signCredential` produces — the unit tests and the bench compare them byte for byte.
//
// Anything the substitution cannot stand for goes through `signCredential` instead: a slot the
// expansion did not carry through verbatim, a string in an IRI position that is not a plain
// absolute URL (expansion could have rewritten it), or a shape that failed to expand.
//
// Two things the reference path does besides canonicalizing are done here too, so that the fast
// path signs exactly what it signs and refuses exactly what it refuses:
// - @digitalbazaar/vc's issue checks the credential first (issuer, subject, status and evidence
//   ids parse as URLs — WHATWG parsing refuses invalid punycode and ports above 65535 — required
//   members present); the same check runs before every templated signature.
// - JSON-LD merges nodes and values that become equal, so an RDF dataset never holds a quad twice;
//   substituted strings can make two quads of a template equal (an evidence list repeating one
//   URL), so the substituted dataset is de-duplicated before canonicalization.
import { createHash, randomBytes } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import {
  DataIntegrityProofValue,
  SignedCredential,
  UnsignedCredential,
} from '../credentials/credential-types';
import { signCredential, SignOptions } from './sign-credential';

interface Term {
  termType: string;
  value: string;
  datatype?: Term;
  language?: string;
  direction?: string;
}
interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}
type Position = 'subject' | 'object' | 'graph';
interface SlotUse {
  quad: number;
  position: Position;
}
interface Template {
  readonly dataset: readonly Quad[];
  /** Per slot, where it appears and whether it stands in an IRI position. */
  readonly slots: readonly { uses: SlotUse[]; iri: boolean }[];
  /** Quads that hold a slot, with the slots they hold (so only these are copied per learner). */
  readonly quadSlots: ReadonlyMap<number, { position: Position; slot: number }[]>;
  /** Keys of the quads that hold no slot (unique, as jsonld.toRDF makes them). */
  readonly fixedKeys: ReadonlySet<string>;
}

/** Keys whose string values shape the expansion itself; never slots. */
const STRUCTURAL_KEYS = new Set(['@context', 'type', '@type', '@id', '@language', '@direction']);
/** A conservative absolute IRI: expansion keeps such a value verbatim in an IRI position. */
const PLAIN_IRI =
  /^(https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*)?(\?[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?(#[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?|urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]+)$/;
const C14N_OPTIONS = { algorithm: 'RDFC-1.0', format: 'application/n-quads', base: null, safe: true };

export interface BatchSignerStats {
  /** Credentials signed from a template (expansion skipped). */
  templated: number;
  /** Credentials that went through the reference path. */
  reference: number;
  /** Distinct shapes expanded. */
  templates: number;
}

export class BatchCredentialSigner {
  readonly stats: BatchSignerStats = { templated: 0, reference: 0, templates: 0 };
  private readonly created: string;
  private readonly suite: DataIntegrityProof;
  private readonly nonce = randomBytes(6).toString('hex');
  private readonly templates = new Map<string, Promise<Template | null>>();
  private readonly proofHashes = new Map<string, Promise<Buffer>>();
  private readonly sharedIds = new WeakMap<object, number>();

  /** `created` is fixed for the batch so every proof is comparable with the reference path's. */
  constructor(private readonly options: SignOptions & { readonly created: string }) {
    this.created = options.created;
    this.suite = new DataIntegrityProof({ signer: options.signer, cryptosuite, date: this.created });
  }

  async sign(credential: UnsignedCredential): Promise<SignedCredential> {
    // The reference path's own checks, so a credential it refuses is refused here with its error.
    vc._checkCredential({ credential, mode: 'issue' });
    const values: string[] = [];
    const shape: unknown[] = [];
    const skeleton = this.decompose(credential, values, shape) as UnsignedCredential;
    const key = JSON.stringify(shape);
    let pending = this.templates.get(key);
    if (!pending) {
      pending = this.buildTemplate(skeleton, values.length);
      this.templates.set(key, pending);
    }
    const template = await pending;
    if (!template || !template.slots.every((slot, i) => !slot.iri || PLAIN_IRI.test(values[i]))) {
      this.stats.reference++;
      return signCredential(credential, this.options);
    }
    const canonical = await rdfCanonize.canonize(substitute(template, values), C14N_OPTIONS);
    const proof: Record<string, unknown> = {
      type: 'DataIntegrityProof',
      created: this.created,
      verificationMethod: this.options.signer.id,
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
    };
    const proofHash = await this.proofHash(credential, proof);
    const docHash = createHash('sha256').update(canonical, 'utf8').digest();
    await this.suite.sign({ verifyData: new Uint8Array(Buffer.concat([proofHash, docHash])), proof });
    this.stats.templated++;
    return { ...credential, proof: proof as unknown as DataIntegrityProofValue };
  }

  /**
   * Copies the credential with every per-learner string replaced by its slot IRI, collecting the
   * strings in `values` and the structure (with shared parts by identity) in `shape`.
   */
  private decompose(value: unknown, values: string[], shape: unknown[], key?: string): unknown {
    if (typeof value === 'string') {
      if (key !== undefined && STRUCTURAL_KEYS.has(key)) {
        shape.push(value);
        return value;
      }
      shape.push(0);
      values.push(value);
      return `urn:lattice-slot:${this.nonce}:${values.length - 1}`;
    }
    if (value === null || typeof value !== 'object') {
      shape.push(value);
      return value;
    }
    if (Object.isFrozen(value)) {
      let id = this.sharedIds.get(value);
      if (id === undefined) this.sharedIds.set(value, (id = this.nextSharedId++));
      shape.push(`#${id}`);
      return value;
    }
    if (Array.isArray(value)) {
      shape.push('[', value.length);
      return value.map((item) => this.decompose(item, values, shape, key));
    }
    const out: Record<string, unknown> = {};
    shape.push('{');
    for (const [member, child] of Object.entries(value)) {
      shape.push(member);
      out[member] = this.decompose(child, values, shape, member);
    }
    shape.push('}');
    return out;
  }
  private nextSharedId = 0;

  private async buildTemplate(skeleton: UnsignedCredential, slotCount: number): Promise<Template | null> {
    let dataset: Quad[];
    try {
      // The options the eddsa-rdfc-2022 cryptosuite's canonize passes to jsonld.toRDF.
      dataset = await jsonld.toRDF(skeleton, {
        algorithm: 'RDFC-1.0',
        base: null,
        safe: true,
        documentLoader: this.options.documentLoader,
        rdfDirection: 'i18n-datatype',
        produceGeneralizedRdf: false,
      });
    } catch {
      return null;
    }
    const prefix = `urn:lattice-slot:${this.nonce}:`;
    const slots = Array.from({ length: slotCount }, () => ({ uses: [] as SlotUse[], iri: false }));
    const quadSlots = new Map<number, { position: Position; slot: number }[]>();
    for (let q = 0; q < dataset.length; q++) {
      for (const position of ['subject', 'object', 'graph'] as const) {
        const term = dataset[q][position];
        if (term.termType === 'Literal' && term.datatype && term.datatype.value.startsWith(prefix))
          return null;
        if (!term.value.includes(prefix)) continue;
        const slot = Number(term.value.slice(prefix.length));
        // A slot must be the whole term, unchanged by expansion.
        if (
          !term.value.startsWith(prefix) ||
          !Number.isInteger(slot) ||
          slot >= slotCount ||
          term.value !== prefix + slot
        )
          return null;
        if (term.termType === 'NamedNode') slots[slot].iri = true;
        else if (term.termType !== 'Literal') return null;
        slots[slot].uses.push({ quad: q, position });
        const list = quadSlots.get(q) ?? [];
        list.push({ position, slot });
        quadSlots.set(q, list);
      }
      if (dataset[q].predicate.value.includes(prefix)) return null;
    }
    // A slot the expansion dropped or altered would be signed differently by the reference path.
    if (slots.some((slot) => slot.uses.length === 0)) return null;
    const fixedKeys = new Set<string>();
    for (let q = 0; q < dataset.length; q++) if (!quadSlots.has(q)) fixedKeys.add(quadKey(dataset[q]));
    this.stats.templates++;
    return { dataset, slots, quadSlots, fixedKeys };
  }

  private proofHash(credential: UnsignedCredential, proof: Record<string, unknown>): Promise<Buffer> {
    const context = credential['@context'];
    const key = JSON.stringify(context);
    let hash = this.proofHashes.get(key);
    if (!hash) {
      hash = this.suite
        .canonizeProof(
          { ...proof },
          { document: { '@context': context }, documentLoader: this.options.documentLoader },
        )
        .then((c14n: string) => createHash('sha256').update(c14n, 'utf8').digest());
      this.proofHashes.set(key, hash);
    }
    return hash;
  }
}

/**
 * The learner's dataset: the template with their strings in its slots. A substituted quad equal to
 * another quad is dropped, as JSON-LD's node merging drops it on the reference path (an RDF
 * dataset is a set; canonicalization would otherwise emit the line twice).
 */
function substitute(template: Template, values: readonly string[]): Quad[] {
  const dataset = template.dataset.slice();
  const seen = new Set<string>();
  const dropped: number[] = [];
  for (const [q, uses] of template.quadSlots) {
    const quad = { ...dataset[q] };
    for (const { position, slot } of uses) quad[position] = { ...quad[position], value: values[slot] };
    dataset[q] = quad;
    const key = quadKey(quad);
    if (template.fixedKeys.has(key) || seen.has(key)) dropped.push(q);
    else seen.add(key);
  }
  if (dropped.length === 0) return dataset;
  const drop = new Set(dropped);
  return dataset.filter((_, q) => !drop.has(q));
}

function termKey(term: Term): unknown[] {
  return [term.termType, term.value, term.datatype?.value, term.language, term.direction];
}

function quadKey(quad: Quad): string {
  return JSON.stringify([
    termKey(quad.subject),
    termKey(quad.predicate),
    termKey(quad.object),
    termKey(quad.graph),
  ]);
}
