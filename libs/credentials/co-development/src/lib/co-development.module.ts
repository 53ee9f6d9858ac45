import { DataSource } from 'typeorm';
import { type DynamicModule, Module } from '@nestjs/common';
import { CatalogueRepository, CredentialDesignRepository } from '@lattice/credentials-data-access';
import { AddDesignPartnerUseCase } from './add-design-partner/add-design-partner.use-case';
import { AddFrameworkUseCase } from './add-framework/add-framework.use-case';
import { ApproveDesignUseCase } from './approve-design/approve-design.use-case';
import { CheckDesignComplianceUseCase } from './check-design-compliance/check-design-compliance.use-case';
import { CommentOnDesignUseCase } from './comment-on-design/comment-on-design.use-case';
import { CreateCredentialDesignUseCase } from './create-credential-design/create-credential-design.use-case';
import { DetectOverdueReviewsUseCase } from './detect-overdue-reviews/detect-overdue-reviews.use-case';
import { ReviewOverdueWatch } from './detect-overdue-reviews/review-overdue.watch';
import { DiffDesignVersionsUseCase } from './diff-design-versions/diff-design-versions.use-case';
import { CredentialDesignResolver } from './graphql/design.resolver';
import { FrameworkResolver } from './graphql/framework.resolver';
import { ListCredentialDesignsUseCase } from './list-credential-designs/list-credential-designs.use-case';
import { PublishCredentialUseCase } from './publish-credential/publish-credential.use-case';
import { RequestDesignChangesUseCase } from './request-design-changes/request-design-changes.use-case';
import { ResolveDesignCommentUseCase } from './resolve-design-comment/resolve-design-comment.use-case';
import { RetireCredentialDesignUseCase } from './retire-credential-design/retire-credential-design.use-case';
import { DesignParties } from './shared/design-parties';
import { CopiedOrganizationDirectory, OrganizationDirectory } from './shared/organization-directory';
import { SubmitDesignForReviewUseCase } from './submit-design-for-review/submit-design-for-review.use-case';
import { SummarizeContributionsUseCase } from './summarize-contributions/summarize-contributions.use-case';
import { SummarizeDesignStagesUseCase } from './summarize-design-stages/summarize-design-stages.use-case';
import { UpdateCredentialDesignUseCase } from './update-credential-design/update-credential-design.use-case';

export interface CoDevelopmentOptions {
  /** Identity's base URL, for organization facts (kind) of organizations the caller does not belong to. */
  readonly identityUrl: string;
}

/** Designing a credential together, up to its publication (and retirement). */
export const CO_DEVELOPMENT_USE_CASES = [
  CreateCredentialDesignUseCase,
  UpdateCredentialDesignUseCase,
  AddDesignPartnerUseCase,
  CommentOnDesignUseCase,
  ResolveDesignCommentUseCase,
  SubmitDesignForReviewUseCase,
  RequestDesignChangesUseCase,
  ApproveDesignUseCase,
  PublishCredentialUseCase,
  RetireCredentialDesignUseCase,
  CheckDesignComplianceUseCase,
  DiffDesignVersionsUseCase,
  ListCredentialDesignsUseCase,
  AddFrameworkUseCase,
  DetectOverdueReviewsUseCase,
  SummarizeDesignStagesUseCase,
  SummarizeContributionsUseCase,
];

/**
 * The co-development half of the credentials subgraph. Trust builds on it: it imports this very
 * module (the app passes the same instance to both) for the directory of organizations, the
 * design repository and the contributions summary a published credential shows.
 */
@Module({})
export class CredentialsCoDevelopmentModule {
  static forRoot(options: CoDevelopmentOptions): DynamicModule {
    return {
      module: CredentialsCoDevelopmentModule,
      providers: [
        {
          provide: OrganizationDirectory,
          useFactory: (dataSource: DataSource) =>
            new CopiedOrganizationDirectory(dataSource, options.identityUrl),
          inject: [DataSource],
        },
        CredentialDesignRepository,
        // Publishing and retiring write the credential's catalogue entry.
        CatalogueRepository,
        DesignParties,
        ...CO_DEVELOPMENT_USE_CASES,
        ReviewOverdueWatch,
        CredentialDesignResolver,
        FrameworkResolver,
      ],
      exports: [
        OrganizationDirectory,
        CredentialDesignRepository,
        DesignParties,
        ...CO_DEVELOPMENT_USE_CASES,
      ],
    };
  }
}
