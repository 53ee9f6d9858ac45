// Test-only: what the trust integration suites share — a published credential written directly
// (publication has its own tests), stand-ins for identity, and the use cases wired on one data source.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Authorizer, MembershipSource, type Principal } from '@lattice/shared-auth';
import { SHIPPED_FRAMEWORKS } from '@lattice/credentials-data-access';
import { EMPTY_ASSESSMENT, newDesignContent } from '@lattice/credentials-domain';
import { IssuerTrust } from '../shared/issuer-trust';
import { type DirectoryOrganization, OrganizationDirectory } from '@lattice/credentials-co-development';

export class NoLiveMemberships extends MembershipSource {
  async membershipsOf(): Promise<[]> {
    return [];
  }
}

export const testAuthorizer = () => new Authorizer(new NoLiveMemberships());

export class NamedDirectory extends OrganizationDirectory {
  constructor(
    private readonly kind: DirectoryOrganization['kind'] = 'INSTITUTION',
    private readonly name = 'Integration College',
  ) {
    super();
  }
  async find(_principal: Principal, id: string): Promise<DirectoryOrganization | null> {
    return { id, kind: this.kind, name: this.name };
  }
  async umbrellasOf(): Promise<string[]> {
    return [];
  }
}

/** Nothing answers on port 9: identity and marketplace lookups fail, as the use cases tolerate. */
export const UNREACHABLE = 'http://127.0.0.1:9';

export const testTrustOptions = () => ({
  marketplaceUrl: UNREACHABLE,
  publicBaseUrl: 'https://lattice.example',
  issuerKeyEncryptionKey: Buffer.alloc(32, 3),
});

export function testTrust(dataSource: DataSource): IssuerTrust {
  return new IssuerTrust(dataSource, testTrustOptions());
}

const ecampus = SHIPPED_FRAMEWORKS.find((f) => f.key === 'ecampusontario')!.id;

/** A published credential of a fresh issuer (threshold 70, 3 attempts) and an admin of that issuer. */
export async function publishedCredential(
  dataSource: DataSource,
): Promise<{ issuerId: string; credentialId: string; admin: Principal }> {
  const issuerId = randomUUID();
  const designId = randomUUID();
  const credentialId = randomUUID();
  const userId = randomUUID();
  const content = newDesignContent({
    title: 'Integration badge',
    description: 'Awarded in tests.',
    frameworkId: ecampus,
    assessment: { ...EMPTY_ASSESSMENT, masteryThreshold: 70, attemptsAllowed: 3 },
    hours: 10,
  });
  await dataSource.query(
    `INSERT INTO "credentials"."designs" ("id", "issuer_id", "title", "framework_id", "content", "stage", "version", "created_by") VALUES ($1, $2, 'Integration badge', $3, $4::jsonb, 'PUBLISHED', 1, $5)`,
    [designId, issuerId, ecampus, JSON.stringify(content), userId],
  );
  await dataSource.query(
    `INSERT INTO "credentials"."design_versions" ("design_id", "version", "snapshot", "author_id", "summary") VALUES ($1, 1, $2::jsonb, $3, 'created')`,
    [designId, JSON.stringify(content), userId],
  );
  await dataSource.query(
    `INSERT INTO "credentials"."credentials" ("id", "design_id", "title", "issuer_id", "design_version", "framework_id", "published_by", "published_at") VALUES ($1, $2, 'Integration badge', $3, 1, $4, $5, now())`,
    [credentialId, designId, issuerId, ecampus, userId],
  );
  const admin: Principal = {
    userId,
    email: 'admin@example.org',
    memberships: [{ organizationId: issuerId, role: 'ADMIN', kind: 'INSTITUTION' }],
    token: 'unused',
  };
  return { issuerId, credentialId, admin };
}
