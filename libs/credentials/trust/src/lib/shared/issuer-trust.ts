// What issuing and verifying share: Lattice's public URLs, issuers' keys (created sealed on first
// need), their profiles, status list credentials, and one document loader and verifier per process
// that resolve Lattice's own issuer documents from the database; other issuers' keys and status
// lists come over HTTP only when `remoteIssuers` is set (guarded against SSRF, cached).
import { createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AwardEntity,
  endorserSectorsOf,
  findAward,
  findStatusList,
  insertIssuerKey,
  insertStatusList,
  issuerKeysOf,
  lockKeys,
  lockStatusListOf,
  renameIssuer,
  replaceIssuerKeyRecord,
  StatusListEntity,
} from '@lattice/credentials-data-access';
import {
  activeIssuerKey,
  BitstringStatusList,
  buildIssuerProfile,
  buildStatusListCredential,
  createCredentialVerifier,
  createDocumentLoader,
  createHttpDocumentResolver,
  createIssuerDocumentResolver,
  createOb3SchemaValidator,
  type CredentialVerifier,
  type DocumentLoader,
  generateIssuerKey,
  type HttpDocumentResolver,
  type IssuerKeyRecord,
  type IssuerProfileDocument,
  type IssuerSigner,
  rotateIssuerKey,
  issuerProfileUrl,
  issuerSigner,
  isoSeconds,
  loadOb3Schema,
  MIN_STATUS_LIST_LENGTH,
  normalizeEmail,
  type SchemaValidator,
  type SignedCredential,
  signCredential,
  type UnsignedCredential,
} from '@lattice/credentials-openbadges';
import { TRUST_OPTIONS, type TrustOptions } from './trust.options';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class IssuerTrust {
  readonly baseUrl: string;
  readonly documentLoader: DocumentLoader;
  readonly validateSchema: SchemaValidator;
  readonly verifier: CredentialVerifier;
  /** Other issuers' documents over HTTP, when enabled. */
  readonly remote: HttpDocumentResolver | null;
  private readonly keyEncryptionKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(TRUST_OPTIONS) options: TrustOptions,
  ) {
    this.baseUrl = options.publicBaseUrl.replace(/\/+$/, '');
    this.keyEncryptionKey = options.issuerKeyEncryptionKey;
    this.remote = options.remoteIssuers ? createHttpDocumentResolver(options.remoteIssuers) : null;
    this.documentLoader = createDocumentLoader({
      resolveIssuerDocument: createIssuerDocumentResolver(this.baseUrl, (orgId) => this.profile(orgId)),
      // Lattice's own URLs are answered from the database or not at all, never fetched back.
      remoteResolver: this.remote ? (url) => (this.isOwn(url) ? null : this.remote!(url)) : undefined,
    });
    this.validateSchema = createOb3SchemaValidator(loadOb3Schema(options.ob3SchemaFile));
    this.verifier = createCredentialVerifier({
      documentLoader: this.documentLoader,
      validateSchema: this.validateSchema,
      resolveStatusListCredential: (url) => this.statusListCredentialAt(url),
    });
  }

  private isOwn(url: string): boolean {
    return url === this.baseUrl || url.startsWith(`${this.baseUrl}/`);
  }

  awardUrl(awardId: string): string {
    return `${this.baseUrl}/credentials/${awardId}`;
  }

  statusListUrl(listId: string): string {
    return `${this.baseUrl}/status-lists/${listId}`;
  }

  issuerUrl(orgId: string): string {
    return issuerProfileUrl(this.baseUrl, orgId);
  }

  /** The published credential an award is of (not dereferenceable yet: the catalogue page comes later). */
  achievementUrl(credentialId: string): string {
    return `${this.baseUrl}/achievements/${credentialId}`;
  }

  /** The credential's badge image (drawn by GET /achievements/:id/badge.svg), the achievement's `image`. */
  badgeImageUrl(credentialId: string): string {
    return `${this.baseUrl}/achievements/${credentialId}/badge.svg`;
  }

  /** An endorsement of a published credential (not dereferenceable: it travels embedded in awards). */
  endorsementUrl(endorsementId: string): string {
    return `${this.baseUrl}/endorsements/${endorsementId}`;
  }

  /** A keyed hash of the e-mail: finds a learner's earlier awards without storing the address. */
  recipientLookup(email: string): string {
    return createHmac('sha256', this.keyEncryptionKey)
      .update(`recipient:${normalizeEmail(email)}`, 'utf8')
      .digest('hex');
  }

  /** The issuer's active key's signer, creating the first key when the issuer has none (inside the caller's transaction). */
  async signerFor(manager: EntityManager, orgId: string, issuerName: string): Promise<IssuerSigner> {
    let rows = await issuerKeysOf(manager, orgId);
    if (rows.length === 0) {
      const record = await generateIssuerKey({
        publicBaseUrl: this.baseUrl,
        orgId,
        sequence: 1,
        keyEncryptionKey: this.keyEncryptionKey,
      });
      // A concurrent first award may win the race; its key is then the one used.
      await insertIssuerKey(manager, { organizationId: orgId, sequence: 1, issuerName, record }, true);
      rows = await issuerKeysOf(manager, orgId);
    } else if (issuerName && rows[0]!.issuerName !== issuerName) {
      await renameIssuer(manager, orgId, issuerName);
    }
    return issuerSigner(activeIssuerKey(rows.map((row) => row.record)), this.keyEncryptionKey);
  }

  /**
   * Retires the issuer's active key and adds the next one (inside the caller's transaction, which
   * it serializes per issuer); returns both. Null when the issuer has no key yet.
   */
  async rotateKey(
    manager: EntityManager,
    orgId: string,
  ): Promise<{ previous: IssuerKeyRecord; next: IssuerKeyRecord } | null> {
    await lockKeys(manager, [`issuer-key:${orgId}`]);
    const rows = await issuerKeysOf(manager, orgId);
    if (rows.length === 0) return null;
    const previous = activeIssuerKey(rows.map((row) => row.record));
    const records = await rotateIssuerKey(
      rows.map((row) => row.record),
      { publicBaseUrl: this.baseUrl, orgId, keyEncryptionKey: this.keyEncryptionKey },
    );
    const next = records.at(-1)!;
    const retired = records.find((record) => record.id === previous.id)!;
    await replaceIssuerKeyRecord(manager, orgId, previous.sequence, retired);
    await insertIssuerKey(manager, {
      organizationId: orgId,
      sequence: next.sequence,
      issuerName: rows.at(-1)!.issuerName,
      record: next,
    });
    return { previous, next };
  }

  /** The issuer profile with its public keys, or null for an organization that never issued. */
  async profile(orgId: string): Promise<IssuerProfileDocument | null> {
    if (!UUID.test(orgId)) return null;
    const rows = await issuerKeysOf(this.dataSource.manager, orgId.toLowerCase());
    if (rows.length === 0) return null;
    return buildIssuerProfile({
      publicBaseUrl: this.baseUrl,
      orgId: orgId.toLowerCase(),
      name: rows.at(-1)!.issuerName,
      keys: rows.map((row) => row.record),
    });
  }

  async statusList(id: string): Promise<StatusListEntity | null> {
    if (!UUID.test(id)) return null;
    return findStatusList(this.dataSource.manager, id.toLowerCase());
  }

  async award(id: string): Promise<AwardEntity | null> {
    if (!UUID.test(id)) return null;
    return findAward(this.dataSource.manager, id.toLowerCase());
  }

  /** The endorser's NAICS code of each endorsement a signed credential embeds, by the endorsement's URL. */
  async endorserSectors(credential: Record<string, unknown>): Promise<Map<string, string | null>> {
    const achievement = ((credential['credentialSubject'] as Record<string, unknown> | undefined)?.[
      'achievement'
    ] ?? {}) as Record<string, unknown>;
    const prefix = `${this.baseUrl}/endorsements/`;
    const ids = ([] as unknown[])
      .concat(achievement['endorsement'] ?? [])
      .map((e) => (e as { id?: unknown } | null)?.id)
      .filter(
        (id): id is string =>
          typeof id === 'string' && id.startsWith(prefix) && UUID.test(id.slice(prefix.length)),
      )
      .map((id) => id.slice(prefix.length));
    if (ids.length === 0) return new Map();
    const rows = await endorserSectorsOf(this.dataSource.manager, ids);
    return new Map(rows.map((row) => [this.endorsementUrl(row.id), row.endorserSector]));
  }

  /** Lattice's own status lists from the database; another issuer's over HTTP when enabled (its proof is checked like any). */
  private async statusListCredentialAt(url: string): Promise<object | null> {
    const prefix = `${this.baseUrl}/status-lists/`;
    if (!url.startsWith(prefix)) return this.remote && !this.isOwn(url) ? this.remote(url) : null;
    return (await this.statusList(url.slice(prefix.length)))?.signedCredential ?? null;
  }

  /** The issuer's status list row, locked for this transaction; created and signed on first need. */
  async lockStatusList(
    manager: EntityManager,
    orgId: string,
    signer: IssuerSigner,
  ): Promise<StatusListEntity> {
    const existing = await lockStatusListOf(manager, orgId);
    if (existing) return existing;
    const id = randomUUID();
    const list = new BitstringStatusList(MIN_STATUS_LIST_LENGTH);
    const signed = await this.signStatusList(id, orgId, list, signer);
    await insertStatusList(manager, {
      id,
      issuerId: orgId,
      encodedList: list.encode(),
      capacity: list.length,
      signedCredential: signed,
    });
    const created = await lockStatusListOf(manager, orgId);
    if (!created) throw new Error(`status list of issuer ${orgId} not found after creating it`);
    return created;
  }

  signStatusList(
    id: string,
    orgId: string,
    list: BitstringStatusList,
    signer: IssuerSigner,
  ): Promise<SignedCredential> {
    const validFrom = isoSeconds(new Date());
    return this.sign(
      buildStatusListCredential({
        id: this.statusListUrl(id),
        issuer: this.issuerUrl(orgId),
        list,
        validFrom,
      }),
      signer,
    );
  }

  sign(credential: UnsignedCredential, signer: IssuerSigner): Promise<SignedCredential> {
    return signCredential(credential, { signer, documentLoader: this.documentLoader });
  }
}
