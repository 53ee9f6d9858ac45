import { DataSource } from 'typeorm';
import { type DynamicModule, Module } from '@nestjs/common';
import { CatalogueRepository, CredentialDesignRepository, PathwayRepository } from '@lattice/credentials-data-access';
import { AddDesignPartnerUseCase } from './add-design-partner/add-design-partner.use-case';
import { AwardCredentialUseCase } from './award-credential/award-credential.use-case';
import { AwardBatchProcessor } from './award-credential-batch/award-batch.processor';
import { AwardCredentialBatchUseCase } from './award-credential-batch/award-credential-batch.use-case';
import { ExportTranscriptUseCase } from './export-transcript/export-transcript.use-case';
import { GetAwardBatchUseCase } from './get-award-batch/get-award-batch.use-case';
import { ListAwardsUseCase } from './list-awards/list-awards.use-case';
import { ListMyAwardsUseCase } from './list-my-awards/list-my-awards.use-case';
import { AwardResolver } from './graphql/award.resolver';
import { IssuerKeyResolver } from './graphql/issuer-key.resolver';
import { RotateIssuerKeyUseCase } from './rotate-issuer-key/rotate-issuer-key.use-case';
import { PublicDocumentsController } from './public-documents/public-documents.controller';
import { CataloguePagesController } from './public-documents/catalogue-pages.controller';
import { CtdlController } from './export-ctdl/ctdl.controller';
import { ExportCtdlUseCase } from './export-ctdl/export-ctdl.use-case';
import { EscoSkills } from './search-credentials/esco-skills';
import { RevokeAwardUseCase } from './revoke-award/revoke-award.use-case';
import { IssuerTrust } from './shared/issuer-trust';
import { VerifyCredentialUseCase } from './verify-credential/verify-credential.use-case';
import { AddFrameworkUseCase } from './add-framework/add-framework.use-case';
import { AdoptSharedCredentialUseCase } from './adopt-shared-credential/adopt-shared-credential.use-case';
import { EndorseCredentialUseCase } from './endorse-credential/endorse-credential.use-case';
import { SponsorCredentialUseCase } from './sponsor-credential/sponsor-credential.use-case';
import { WithdrawEndorsementUseCase } from './withdraw-endorsement/withdraw-endorsement.use-case';
import { ApproveDesignUseCase } from './approve-design/approve-design.use-case';
import { CheckDesignComplianceUseCase } from './check-design-compliance/check-design-compliance.use-case';
import { CommentOnDesignUseCase } from './comment-on-design/comment-on-design.use-case';
import { CreateCredentialDesignUseCase } from './create-credential-design/create-credential-design.use-case';
import { DetectOverdueReviewsUseCase } from './detect-overdue-reviews/detect-overdue-reviews.use-case';
import { ReviewOverdueWatch } from './detect-overdue-reviews/review-overdue.watch';
import { DiffDesignVersionsUseCase } from './diff-design-versions/diff-design-versions.use-case';
import { CredentialResolver } from './graphql/credential.resolver';
import { CatalogueResolver } from './graphql/catalogue.resolver';
import { PathwayResolver, PathwayStepProgressResolver, PathwayStepResolver, RecognitionResolver } from './graphql/pathway.resolver';
import { DefinePathwayUseCase } from './define-pathway/define-pathway.use-case';
import { AwardPathwayCredentialUseCase } from './award-pathway-credential/award-pathway-credential.use-case';
import { PathwayProgressUseCase } from './pathway-progress/pathway-progress.use-case';
import { RecognizeCredentialUseCase } from './recognize-credential/recognize-credential.use-case';
import { WithdrawRecognitionUseCase } from './withdraw-recognition/withdraw-recognition.use-case';
import { SearchCredentialsUseCase } from './search-credentials/search-credentials.use-case';
import { CredentialDesignResolver } from './graphql/design.resolver';
import { FrameworkResolver } from './graphql/framework.resolver';
import { ListCredentialDesignsUseCase } from './list-credential-designs/list-credential-designs.use-case';
import { PublishCredentialUseCase } from './publish-credential/publish-credential.use-case';
import { RequestDesignChangesUseCase } from './request-design-changes/request-design-changes.use-case';
import { ResolveDesignCommentUseCase } from './resolve-design-comment/resolve-design-comment.use-case';
import { RetireCredentialDesignUseCase } from './retire-credential-design/retire-credential-design.use-case';
import { CREDENTIALS_OPTIONS, type CredentialsOptions } from './shared/credentials.options';
import { DesignParties } from './shared/design-parties';
import { CopiedOrganizationDirectory, OrganizationDirectory } from './shared/organization-directory';
import { MarketplaceSkillCatalog, SkillCatalog } from './shared/skill-catalog';
import { SubmitDesignForReviewUseCase } from './submit-design-for-review/submit-design-for-review.use-case';
import { SummarizeContributionsUseCase } from './summarize-contributions/summarize-contributions.use-case';
import { SummarizeDesignStagesUseCase } from './summarize-design-stages/summarize-design-stages.use-case';
import { UpdateCredentialDesignUseCase } from './update-credential-design/update-credential-design.use-case';

export const CREDENTIALS_USE_CASES = [
  SearchCredentialsUseCase,
  ExportCtdlUseCase,
  DefinePathwayUseCase,
  RecognizeCredentialUseCase,
  WithdrawRecognitionUseCase,
  PathwayProgressUseCase,
  AwardPathwayCredentialUseCase,
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
  AwardCredentialUseCase,
  RevokeAwardUseCase,
  VerifyCredentialUseCase,
  EndorseCredentialUseCase,
  WithdrawEndorsementUseCase,
  SponsorCredentialUseCase,
  AdoptSharedCredentialUseCase,
  AwardCredentialBatchUseCase,
  GetAwardBatchUseCase,
  ListAwardsUseCase,
  ListMyAwardsUseCase,
  ExportTranscriptUseCase,
  RotateIssuerKeyUseCase,
];

@Module({})
export class CredentialsFeatureModule {
  static forRoot(options: CredentialsOptions): DynamicModule {
    return {
      module: CredentialsFeatureModule,
      controllers: [PublicDocumentsController, CataloguePagesController, CtdlController],
      providers: [
        IssuerTrust,
        { provide: CREDENTIALS_OPTIONS, useValue: options },
        { provide: OrganizationDirectory, useFactory: (dataSource: DataSource) => new CopiedOrganizationDirectory(dataSource, options.identityUrl), inject: [DataSource] },
        { provide: SkillCatalog, useValue: new MarketplaceSkillCatalog(options.marketplaceUrl) },
        { provide: EscoSkills, useFactory: () => EscoSkills.fromFolder(options.escoDataDir ?? 'data/esco') },
        CredentialDesignRepository,
        CatalogueRepository,
        PathwayRepository,
        DesignParties,
        ...CREDENTIALS_USE_CASES,
        ReviewOverdueWatch,
        AwardBatchProcessor,
        CredentialDesignResolver,
        FrameworkResolver,
        CredentialResolver,
        CatalogueResolver,
        PathwayResolver,
        PathwayStepResolver,
        PathwayStepProgressResolver,
        RecognitionResolver,
        AwardResolver,
        IssuerKeyResolver,
      ],
      exports: [CredentialDesignRepository, ...CREDENTIALS_USE_CASES],
    };
  }
}
