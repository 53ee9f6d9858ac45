// The request's batched reads of credentials data.
import type { LoaderRegistry } from '@lattice/shared-graphql';
import { byKeys, groupByKeys } from '@lattice/shared-graphql';
import type { DesignContent } from '@lattice/credentials-domain';
import type {
  AdoptionEntity,
  CredentialDesignRepository,
  CredentialEntity,
  DesignApprovalEntity,
  DesignCommentEntity,
  DesignEntity,
  DesignStageVisitEntity,
  DesignVersionEntity,
  EndorsementEntity,
  FrameworkEntity,
  SponsorshipEntity,
} from '@lattice/credentials-data-access';

export function credentialsLoaders(loaders: LoaderRegistry, repository: CredentialDesignRepository) {
  return {
    design: loaders.get<string, DesignEntity | null>('credentials.design', async (ids) =>
      byKeys(ids, await repository.designsByIds(ids), (d) => d.id),
    ),
    framework: loaders.get<string, FrameworkEntity | null>('credentials.framework', async (ids) =>
      byKeys(ids, await repository.frameworksByIds(ids), (f) => f.id),
    ),
    versions: loaders.get<string, DesignVersionEntity[]>('credentials.versions', async (ids) =>
      groupByKeys(ids, await repository.versionsOfDesigns(ids), (v) => v.designId),
    ),
    comments: loaders.get<string, DesignCommentEntity[]>('credentials.comments', async (ids) =>
      groupByKeys(ids, await repository.commentsOfDesigns(ids), (c) => c.designId),
    ),
    approvals: loaders.get<string, DesignApprovalEntity[]>('credentials.approvals', async (ids) =>
      groupByKeys(ids, await repository.approvalsOfDesigns(ids), (a) => a.designId),
    ),
    stageVisits: loaders.get<string, DesignStageVisitEntity[]>('credentials.stageVisits', async (ids) =>
      groupByKeys(ids, await repository.stageVisitsOfDesigns(ids), (v) => v.designId),
    ),
    publishedContent: loaders.get<string, DesignContent | null>('credentials.publishedContent', async (ids) =>
      byKeys(ids, await repository.publishedVersionsOf(ids), (v) => v.credentialId).map(
        (v) => v?.snapshot ?? null,
      ),
    ),
    credential: loaders.get<string, CredentialEntity | null>('credentials.credential', async (ids) =>
      byKeys(ids, await repository.credentialsByIds(ids), (c) => c.id),
    ),
    credentialOfDesign: loaders.get<string, CredentialEntity | null>(
      'credentials.credentialOfDesign',
      async (ids) => byKeys(ids, await repository.credentialsOfDesigns(ids), (c) => c.designId),
    ),
    endorsements: loaders.get<string, EndorsementEntity[]>('credentials.endorsements', async (ids) =>
      groupByKeys(ids, await repository.endorsementsOfCredentials(ids), (e) => e.credentialId),
    ),
    sponsorships: loaders.get<string, SponsorshipEntity[]>('credentials.sponsorships', async (ids) =>
      groupByKeys(ids, await repository.sponsorshipsOfCredentials(ids), (s) => s.credentialId),
    ),
    adoptions: loaders.get<string, AdoptionEntity[]>('credentials.adoptions', async (ids) =>
      groupByKeys(ids, await repository.adoptionsOfCredentials(ids), (a) => a.credentialId),
    ),
  };
}
