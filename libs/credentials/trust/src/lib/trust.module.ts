import { type DynamicModule, Module } from '@nestjs/common';
import { CatalogueRepository, PathwayRepository } from '@lattice/credentials-data-access';
import { AdoptSharedCredentialUseCase } from './adopt-shared-credential/adopt-shared-credential.use-case';
import { AwardCredentialUseCase } from './award-credential/award-credential.use-case';
import { AwardBatchProcessor } from './award-credential-batch/award-batch.processor';
import { AwardCredentialBatchUseCase } from './award-credential-batch/award-credential-batch.use-case';
import { AwardPathwayCredentialUseCase } from './award-pathway-credential/award-pathway-credential.use-case';
import { DefinePathwayUseCase } from './define-pathway/define-pathway.use-case';
import { EndorseCredentialUseCase } from './endorse-credential/endorse-credential.use-case';
import { CtdlController } from './export-ctdl/ctdl.controller';
import { ExportCtdlUseCase } from './export-ctdl/export-ctdl.use-case';
import { ExportTranscriptUseCase } from './export-transcript/export-transcript.use-case';
import { GetAwardBatchUseCase } from './get-award-batch/get-award-batch.use-case';
import { AwardResolver } from './graphql/award.resolver';
import { CatalogueResolver } from './graphql/catalogue.resolver';
import { CredentialResolver } from './graphql/credential.resolver';
import { IssuerKeyResolver } from './graphql/issuer-key.resolver';
import {
  PathwayResolver,
  PathwayStepProgressResolver,
  PathwayStepResolver,
  RecognitionResolver,
} from './graphql/pathway.resolver';
import { ListAwardsUseCase } from './list-awards/list-awards.use-case';
import { ListMyAwardsUseCase } from './list-my-awards/list-my-awards.use-case';
import { PathwayProgressUseCase } from './pathway-progress/pathway-progress.use-case';
import { CataloguePagesController } from './public-documents/catalogue-pages.controller';
import { PublicDocumentsController } from './public-documents/public-documents.controller';
import { RecognizeCredentialUseCase } from './recognize-credential/recognize-credential.use-case';
import { RevokeAwardUseCase } from './revoke-award/revoke-award.use-case';
import { RotateIssuerKeyUseCase } from './rotate-issuer-key/rotate-issuer-key.use-case';
import { EscoSkills } from './search-credentials/esco-skills';
import { SearchCredentialsUseCase } from './search-credentials/search-credentials.use-case';
import { IssuerTrust } from './shared/issuer-trust';
import { MarketplaceSkillCatalog, SkillCatalog } from './shared/skill-catalog';
import { TRUST_OPTIONS, type TrustOptions } from './shared/trust.options';
import { SponsorCredentialUseCase } from './sponsor-credential/sponsor-credential.use-case';
import { VerifyCredentialUseCase } from './verify-credential/verify-credential.use-case';
import { WithdrawEndorsementUseCase } from './withdraw-endorsement/withdraw-endorsement.use-case';
import { WithdrawRecognitionUseCase } from './withdraw-recognition/withdraw-recognition.use-case';

/** What happens once a credential exists: awards, endorsements, sponsorship, pathways, the catalogue, verification. */
export const TRUST_USE_CASES = [
  SearchCredentialsUseCase,
  ExportCtdlUseCase,
  DefinePathwayUseCase,
  RecognizeCredentialUseCase,
  WithdrawRecognitionUseCase,
  PathwayProgressUseCase,
  AwardPathwayCredentialUseCase,
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

/**
 * The trust half of the credentials subgraph. `coDevelopment` is the app's
 * CredentialsCoDevelopmentModule (the same instance): trust reads its directory of organizations,
 * design repository and contributions summary.
 */
@Module({})
export class CredentialsTrustModule {
  static forRoot(coDevelopment: DynamicModule, options: TrustOptions): DynamicModule {
    return {
      module: CredentialsTrustModule,
      imports: [coDevelopment],
      controllers: [PublicDocumentsController, CataloguePagesController, CtdlController],
      providers: [
        IssuerTrust,
        { provide: TRUST_OPTIONS, useValue: options },
        { provide: SkillCatalog, useValue: new MarketplaceSkillCatalog(options.marketplaceUrl) },
        { provide: EscoSkills, useFactory: () => EscoSkills.fromFolder(options.escoDataDir ?? 'data/esco') },
        CatalogueRepository,
        PathwayRepository,
        ...TRUST_USE_CASES,
        AwardBatchProcessor,
        CredentialResolver,
        CatalogueResolver,
        PathwayResolver,
        PathwayStepResolver,
        PathwayStepProgressResolver,
        RecognitionResolver,
        AwardResolver,
        IssuerKeyResolver,
      ],
      exports: [...TRUST_USE_CASES],
    };
  }
}
