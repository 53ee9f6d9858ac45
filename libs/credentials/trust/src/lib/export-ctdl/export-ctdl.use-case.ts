// Publishing to the registries: every published, standing credential as CTDL JSON-LD, one at a
// time at a stable URL or in pages for bulk harvesting (keyset on the credential id, so pages never
// shift while credentials are published). Public, like the catalogue it describes.
import { Inject, Injectable } from '@nestjs/common';
import { CatalogueRepository } from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { isUuid } from '@lattice/shared-graphql';
import { ctdlCredential, type CtdlDocument } from '../public-documents/ctdl-credential';
import { EscoSkills } from '../search-credentials/esco-skills';
import { IssuerTrust } from '../shared/issuer-trust';

export const CTDL_PAGE_DEFAULT = 100;
export const CTDL_PAGE_MAX = 500;

export interface CtdlPage {
  readonly documents: CtdlDocument[];
  /** The id to pass as `after` for the next page; null on the last one. */
  readonly nextAfter: string | null;
}

@Injectable()
export class ExportCtdlUseCase {
  constructor(
    private readonly catalogue: CatalogueRepository,
    @Inject(EscoSkills) private readonly esco: EscoSkills,
    private readonly trust: IssuerTrust,
  ) {}

  /** One credential's document: unknown ids are NOT_FOUND, retired credentials CREDENTIAL_RETIRED. */
  async one(credentialId: string): Promise<CtdlDocument> {
    const entry = isUuid(credentialId) ? await this.catalogue.entry(credentialId.toLowerCase()) : null;
    if (!entry)
      throw CredentialsErrors.of('CREDENTIAL_NOT_FOUND', 'No published credential has this id.', {
        field: 'credentialId',
      });
    if (entry.retired) {
      throw CredentialsErrors.of(
        'CREDENTIAL_RETIRED',
        'This credential is retired: it is no longer awarded, so it is not published to registries.',
        {
          field: 'credentialId',
        },
      );
    }
    return this.document(entry);
  }

  /** A page of documents; `limit` and `after` arrive as query strings and are checked here. */
  async page(limit: unknown, after: unknown): Promise<CtdlPage> {
    const size = pageSize(limit);
    if (after !== undefined && !isUuid(after)) {
      throw CredentialsErrors.of(
        'INVALID_CATALOGUE_QUERY',
        '`after` is the id of the last credential of the previous page.',
        { field: 'after' },
      );
    }
    const entries = await this.catalogue.standingEntries(
      size + 1,
      after === undefined ? null : after.toLowerCase(),
    );
    const shown = entries.slice(0, size);
    return {
      documents: shown.map((entry) => this.document(entry)),
      nextAfter: entries.length > size ? shown[shown.length - 1]!.credentialId : null,
    };
  }

  private document(entry: Parameters<typeof ctdlCredential>[0]): CtdlDocument {
    const skills = entry.skillIds.map((id) => this.esco.concept(id)).filter((skill) => skill !== undefined);
    return ctdlCredential(entry, skills, this.trust.baseUrl);
  }
}

function pageSize(limit: unknown): number {
  if (limit === undefined) return CTDL_PAGE_DEFAULT;
  const n = typeof limit === 'string' && /^\d{1,4}$/.test(limit) ? Number(limit) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > CTDL_PAGE_MAX) {
    throw CredentialsErrors.of(
      'INVALID_CATALOGUE_QUERY',
      `\`limit\` is a whole number from 1 to ${CTDL_PAGE_MAX}.`,
      { field: 'limit' },
    );
  }
  return n;
}
