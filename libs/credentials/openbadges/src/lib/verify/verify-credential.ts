// Verifies a credential and reports each check on its own: schema, validity dates, issuer key,
// proof (eddsa-rdfc-2022 through the reference libraries) and status (Bitstring Status List). A
// CLR 2.0 ClrCredential is checked the same way and then each credential it embeds in full (the
// `credentials` check): a transcript verifies only if every credential in it does.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import { embeddedCredentials } from '../credentials/clr-credential';
import { CLR_V2_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../ld/contexts';
import { DocumentLoader } from '../ld/document-loader';
import { BitstringStatusList } from '../status/bitstring-status-list';
import type { SchemaProblem, SchemaValidator } from './ob3-schema';

export type VerificationCheckName = 'schema' | 'dates' | 'issuerKey' | 'proof' | 'status' | 'credentials';
export interface VerificationCheck {
  readonly check: VerificationCheckName;
  readonly status: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped, in English; `code` and `params` say it as data. */
  readonly message?: string;
  /**
   * NOT_A_JSON_OBJECT, NO_EMBEDDED_CREDENTIAL, EMBEDDED_CREDENTIALS_FAIL (count), NOT_AN_OPEN_BADGE,
   * NO_SCHEMA_VALIDATOR, SCHEMA_INVALID (errors in English; problems: SchemaProblem codes with their
   * path and property), VALID_FROM_MISSING, NOT_YET_VALID (validFrom),
   * VALID_UNTIL_INVALID, EXPIRED (validUntil), NO_PROOF, NO_VERIFICATION_METHOD, KEY_NOT_ISSUERS
   * (key, issuer), KEY_UNRESOLVED (key), KEY_NOT_MULTIKEY (key), KEY_REVOKED (key, revoked),
   * KEY_NOT_ASSERTION (key, issuer), PROOF_INVALID, NO_STATUS, STATUS_TYPE_UNSUPPORTED (type),
   * STATUS_MALFORMED, NO_STATUS_RESOLVER, STATUS_LIST_NOT_FOUND (url), SUSPENDED, REVOKED,
   * STATUS_UNCHECKED.
   */
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number | readonly string[] | readonly SchemaProblem[]>>;
}
export interface VerificationReport {
  readonly verified: boolean;
  readonly checks: readonly VerificationCheck[];
  /** The names of the failed checks, in order. */
  readonly failed: readonly VerificationCheckName[];
}

export interface CredentialVerifierOptions {
  readonly documentLoader: DocumentLoader;
  /** OB 3.0 schema validation for Open Badge credentials (`createOb3SchemaValidator`). */
  readonly validateSchema?: SchemaValidator;
  /** Fetches a signed BitstringStatusListCredential by URL (Lattice's own from the database). */
  readonly resolveStatusListCredential?: (url: string) => Promise<object | null> | object | null;
  readonly maxClockSkewSeconds?: number;
}

export interface CredentialVerifier {
  verify(credential: unknown, options?: { now?: Date }): Promise<VerificationReport>;
}

const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];

export function createCredentialVerifier(options: CredentialVerifierOptions): CredentialVerifier {
  const skewMs = (options.maxClockSkewSeconds ?? 300) * 1000;
  const suite = new DataIntegrityProof({ cryptosuite });
  // Status list credentials whose proof was already checked (by object identity, as resolved).
  const verifiedLists = new WeakMap<object, BitstringStatusList>();

  async function verify(
    input: unknown,
    { now = new Date() }: { now?: Date } = {},
  ): Promise<VerificationReport> {
    const checks: VerificationCheck[] = [];
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      const message = 'Not a JSON object.';
      checks.push(
        ...(['schema', 'dates', 'issuerKey', 'proof', 'status'] as const).map((check) =>
          fail(check, message, 'NOT_A_JSON_OBJECT'),
        ),
      );
      return report(checks);
    }
    const credential = input as Record<string, unknown>;
    checks.push(checkSchema(credential));
    checks.push(checkDates(credential, now));
    checks.push(await checkIssuerKey(credential));
    checks.push(await checkProof(credential));
    checks.push(await checkStatus(credential, now));
    if (types(credential).includes('ClrCredential')) checks.push(await checkEmbedded(credential, now));
    return report(checks);
  }

  /** Every credential a transcript embeds verifies on its own (its issuer's key, proof, status, …). */
  async function checkEmbedded(credential: Record<string, unknown>, now: Date): Promise<VerificationCheck> {
    const embedded = embeddedCredentials(credential);
    if (embedded.length === 0)
      return fail('credentials', 'The transcript embeds no credential.', 'NO_EMBEDDED_CREDENTIAL');
    const problems: string[] = [];
    for (const [index, inner] of embedded.entries()) {
      if (
        inner &&
        typeof inner === 'object' &&
        types(inner as Record<string, unknown>).includes('ClrCredential')
      ) {
        problems.push(`credential ${index}: a transcript inside a transcript is not accepted`);
        continue;
      }
      const result = await verify(inner, { now });
      if (!result.verified) {
        const details = result.checks
          .filter((c) => c.status === 'failed')
          .map((c) => `${c.check}${c.message ? ` (${c.message})` : ''}`);
        problems.push(
          `credential ${index} (${String((inner as { id?: unknown } | null)?.id ?? 'no id')}): ${details.join(', ')}`,
        );
      }
    }
    return problems.length === 0
      ? pass('credentials')
      : fail('credentials', problems.join('; '), 'EMBEDDED_CREDENTIALS_FAIL', { count: problems.length });
  }

  function checkSchema(credential: Record<string, unknown>): VerificationCheck {
    if (types(credential).includes('ClrCredential')) return checkClrShape(credential);
    if (!types(credential).some((type) => OB_TYPES.includes(type)))
      return skip('schema', 'Not an Open Badge credential.', 'NOT_AN_OPEN_BADGE');
    if (!options.validateSchema)
      return skip('schema', 'No schema validator configured.', 'NO_SCHEMA_VALIDATOR');
    const result = options.validateSchema(credential);
    return result.valid
      ? pass('schema')
      : fail('schema', result.errors.join('; '), 'SCHEMA_INVALID', {
          errors: [...result.errors],
          problems: [
            ...(result.problems ?? result.errors.map((): SchemaProblem => ({ code: 'INVALID', path: '/' }))),
          ],
        });
  }

  function checkDates(credential: Record<string, unknown>, now: Date): VerificationCheck {
    const validFrom = credential['validFrom'];
    const validUntil = credential['validUntil'];
    if (typeof validFrom !== 'string' || Number.isNaN(Date.parse(validFrom)))
      return fail('dates', 'validFrom is missing or not a date.', 'VALID_FROM_MISSING');
    if (Date.parse(validFrom) - skewMs > now.getTime())
      return fail('dates', `Not valid before ${validFrom}.`, 'NOT_YET_VALID', { validFrom });
    if (validUntil !== undefined) {
      if (typeof validUntil !== 'string' || Number.isNaN(Date.parse(validUntil)))
        return fail('dates', 'validUntil is not a date.', 'VALID_UNTIL_INVALID');
      if (Date.parse(validUntil) + skewMs < now.getTime())
        return fail('dates', `Expired at ${validUntil}.`, 'EXPIRED', { validUntil });
    }
    return pass('dates');
  }

  /** The proof's key resolves, belongs to the issuer, is one of its assertion keys and is not revoked. */
  async function checkIssuerKey(credential: Record<string, unknown>): Promise<VerificationCheck> {
    const proofs = proofsOf(credential);
    if (proofs.length === 0) return fail('issuerKey', 'No proof, so no key.', 'NO_PROOF');
    const issuer = issuerId(credential);
    for (const proof of proofs) {
      const methodId = proof['verificationMethod'];
      if (typeof methodId !== 'string')
        return fail('issuerKey', 'The proof names no verification method.', 'NO_VERIFICATION_METHOD');
      let method: Record<string, unknown>;
      let controller: Record<string, unknown>;
      try {
        method = (await options.documentLoader(methodId)).document as Record<string, unknown>;
        if (method['controller'] !== issuer)
          return fail(
            'issuerKey',
            `Key ${methodId} is not controlled by the issuer ${String(issuer)}.`,
            'KEY_NOT_ISSUERS',
            { key: methodId, issuer: String(issuer) },
          );
        controller = (await options.documentLoader(method['controller'] as string)).document as Record<
          string,
          unknown
        >;
      } catch (error) {
        return fail('issuerKey', `Key ${methodId} does not resolve: ${messageOf(error)}`, 'KEY_UNRESOLVED', {
          key: methodId,
        });
      }
      if (method['type'] !== 'Multikey')
        return fail('issuerKey', `Key ${methodId} is not a Multikey.`, 'KEY_NOT_MULTIKEY', { key: methodId });
      if (method['revoked'] !== undefined)
        return fail(
          'issuerKey',
          `Key ${methodId} was revoked at ${String(method['revoked'])}.`,
          'KEY_REVOKED',
          { key: methodId, revoked: String(method['revoked']) },
        );
      const assertion = ([] as unknown[]).concat(controller['assertionMethod'] ?? []);
      if (
        !assertion.some((entry) => entry === methodId || (entry as { id?: unknown } | null)?.id === methodId)
      ) {
        return fail(
          'issuerKey',
          `Key ${methodId} is not an assertion key of ${String(issuer)}.`,
          'KEY_NOT_ASSERTION',
          { key: methodId, issuer: String(issuer) },
        );
      }
    }
    return pass('issuerKey');
  }

  async function checkProof(credential: Record<string, unknown>): Promise<VerificationCheck> {
    if (proofsOf(credential).length === 0) return fail('proof', 'The credential has no proof.', 'NO_PROOF');
    try {
      const result = await jsigs.verify(credential, {
        suite,
        purpose: new vc.CredentialIssuancePurpose(),
        documentLoader: options.documentLoader,
      });
      if (result.verified) return pass('proof');
      const error =
        result.error?.errors?.[0] ??
        result.results?.find((r: { verified: boolean }) => !r.verified)?.error ??
        result.error;
      return fail('proof', messageOf(error), 'PROOF_INVALID');
    } catch (error) {
      return fail('proof', messageOf(error), 'PROOF_INVALID');
    }
  }

  async function checkStatus(credential: Record<string, unknown>, now: Date): Promise<VerificationCheck> {
    const entries = ([] as unknown[]).concat(credential['credentialStatus'] ?? []) as Record<
      string,
      unknown
    >[];
    if (entries.length === 0) return skip('status', 'The credential has no status entry.', 'NO_STATUS');
    for (const entry of entries) {
      if (entry?.['type'] !== 'BitstringStatusListEntry')
        return fail(
          'status',
          `Unsupported status type ${String(entry?.['type'])}.`,
          'STATUS_TYPE_UNSUPPORTED',
          { type: String(entry?.['type']) },
        );
      const listUrl = entry['statusListCredential'];
      const index = Number(entry['statusListIndex']);
      const purpose = entry['statusPurpose'];
      if (
        typeof listUrl !== 'string' ||
        !Number.isInteger(index) ||
        String(index) !== entry['statusListIndex']
      ) {
        return fail('status', 'The status entry is malformed.', 'STATUS_MALFORMED');
      }
      if (!options.resolveStatusListCredential)
        return fail('status', 'No status list resolver: the status cannot be checked.', 'NO_STATUS_RESOLVER');
      let list: BitstringStatusList;
      try {
        const listCredential = await options.resolveStatusListCredential(listUrl);
        if (!listCredential)
          return fail('status', `Status list ${listUrl} not found.`, 'STATUS_LIST_NOT_FOUND', {
            url: String(listUrl),
          });
        list = await verifiedList(listCredential, listUrl, issuerId(credential), purpose, now);
        if (list.get(index))
          return fail(
            'status',
            purpose === 'suspension' ? 'The credential is suspended.' : 'The credential has been revoked.',
            purpose === 'suspension' ? 'SUSPENDED' : 'REVOKED',
          );
      } catch (error) {
        return fail('status', messageOf(error), 'STATUS_UNCHECKED');
      }
    }
    return pass('status');
  }

  /** A status list counts only if its issuer signed it and it is for the same purpose. */
  async function verifiedList(
    listCredential: object,
    url: string,
    issuer: unknown,
    purpose: unknown,
    now: Date,
  ): Promise<BitstringStatusList> {
    const cached = verifiedLists.get(listCredential);
    if (cached) return cached;
    const record = listCredential as Record<string, unknown>;
    const subject = record['credentialSubject'] as Record<string, unknown> | undefined;
    if (record['id'] !== url || !types(record).includes('BitstringStatusListCredential') || !subject) {
      throw new Error(`${url} is not a BitstringStatusListCredential.`);
    }
    if (issuerId(record) !== issuer)
      throw new Error('The status list is not signed by the credential issuer.');
    if (subject['statusPurpose'] !== purpose) throw new Error('The status list is for another purpose.');
    const listChecks = [checkDates(record, now), await checkIssuerKey(record), await checkProof(record)];
    const failed = listChecks.find((check) => check.status === 'failed');
    if (failed)
      throw new Error(`The status list does not verify (${failed.check}: ${failed.message ?? ''}).`);
    const list = BitstringStatusList.decode(subject['encodedList'] as string);
    verifiedLists.set(listCredential, list);
    return list;
  }

  return { verify };
}

/** The CLR 2.0 shape a ClrCredential must have (the embedded credentials are schema-checked on their own). */
function checkClrShape(credential: Record<string, unknown>): VerificationCheck {
  const context = ([] as unknown[]).concat(credential['@context'] ?? []);
  const problems: Array<{ error: string; problem: SchemaProblem }> = [];
  const add = (error: string, problem: SchemaProblem) => problems.push({ error, problem });
  if (context[0] !== VC_V2_CONTEXT || context[1] !== CLR_V2_CONTEXT || context[2] !== OB_V3_CONTEXT)
    add('@context must start with the VC 2.0, CLR 2.0 and OB 3.0 contexts', {
      code: 'NOT_ALLOWED',
      path: '/@context',
    });
  if (typeof credential['id'] !== 'string')
    add('id is required', { code: 'MISSING', path: '/', property: 'id' });
  if (typeof credential['name'] !== 'string')
    add('name is required', { code: 'MISSING', path: '/', property: 'name' });
  const subject = credential['credentialSubject'] as Record<string, unknown> | undefined;
  if (!subject || ![].concat((subject['type'] ?? []) as never).includes('ClrSubject' as never))
    add('credentialSubject must be a ClrSubject', { code: 'NOT_ALLOWED', path: '/credentialSubject/type' });
  if (embeddedCredentials(credential).length === 0)
    add('credentialSubject.verifiableCredential must hold at least one credential', {
      code: 'TOO_FEW',
      path: '/credentialSubject/verifiableCredential',
    });
  if (problems.length === 0) return pass('schema');
  const errors = problems.map((p) => p.error);
  return fail('schema', errors.join('; '), 'SCHEMA_INVALID', {
    errors,
    problems: problems.map((p) => p.problem),
  });
}

function types(credential: Record<string, unknown>): string[] {
  return ([] as unknown[])
    .concat(credential['type'] ?? [])
    .filter((type): type is string => typeof type === 'string');
}

function issuerId(credential: Record<string, unknown>): unknown {
  const issuer = credential['issuer'];
  return issuer && typeof issuer === 'object' ? (issuer as { id?: unknown }).id : issuer;
}

function proofsOf(credential: Record<string, unknown>): Record<string, unknown>[] {
  return ([] as unknown[])
    .concat(credential['proof'] ?? [])
    .filter((proof): proof is Record<string, unknown> => !!proof && typeof proof === 'object');
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error.';
}

const pass = (check: VerificationCheckName): VerificationCheck => ({ check, status: 'passed' });
const fail = (
  check: VerificationCheckName,
  message: string,
  code?: string,
  params?: VerificationCheck['params'],
): VerificationCheck => ({
  check,
  status: 'failed',
  message,
  ...(code ? { code, params: params ?? {} } : {}),
});
const skip = (check: VerificationCheckName, message: string, code: string): VerificationCheck => ({
  check,
  status: 'skipped',
  message,
  code,
  params: {},
});

function report(checks: VerificationCheck[]): VerificationReport {
  const failed = checks.filter((check) => check.status === 'failed').map((check) => check.check);
  return { verified: failed.length === 0, checks, failed };
}
