// The reference path: one credential at a time through @digitalbazaar/vc with a Data Integrity
// proof, cryptosuite eddsa-rdfc-2022.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { SignedCredential, UnsignedCredential } from '../credentials/credential-types';
import { IssuerSigner, isoSeconds } from '../keys/issuer-keys';
import { DocumentLoader } from '../ld/document-loader';

export interface SignOptions {
  readonly signer: IssuerSigner;
  readonly documentLoader: DocumentLoader;
  /** The proof's `created` (to the second); now when omitted. */
  readonly created?: string;
}

export async function signCredential(
  credential: UnsignedCredential,
  options: SignOptions,
): Promise<SignedCredential> {
  const suite = new DataIntegrityProof({
    signer: options.signer,
    cryptosuite,
    date: options.created ?? isoSeconds(new Date()),
  });
  // vc.issue adds `proof` to the object it is given; the caller's stays unsigned.
  return (await vc.issue({
    credential: { ...credential },
    suite,
    documentLoader: options.documentLoader,
  })) as unknown as SignedCredential;
}
