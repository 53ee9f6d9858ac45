// Plain JSON shapes of what the builders produce (the parts Lattice reads back).
export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

export interface DataIntegrityProofValue {
  readonly type: 'DataIntegrityProof';
  readonly created: string;
  readonly verificationMethod: string;
  readonly cryptosuite: 'eddsa-rdfc-2022';
  readonly proofPurpose: 'assertionMethod';
  readonly proofValue: string;
}

/** An unsigned credential: VC 2.0 JSON-LD. */
export interface UnsignedCredential {
  readonly '@context': readonly string[];
  readonly id: string;
  readonly type: readonly string[];
  readonly issuer: IssuerRef;
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly [key: string]: unknown;
}

export interface SignedCredential extends UnsignedCredential {
  readonly proof: DataIntegrityProofValue | readonly DataIntegrityProofValue[];
}

/** The issuer as embedded in a credential: an OB 3.0 Profile (its id resolves to the full profile). */
export interface IssuerRef {
  readonly id: string;
  readonly type: readonly ['Profile'];
  readonly name: string;
  readonly url?: string;
  readonly email?: string;
  readonly description?: string;
}
