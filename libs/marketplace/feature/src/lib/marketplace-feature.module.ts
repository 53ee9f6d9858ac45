import { type DynamicModule, Module } from '@nestjs/common';
import { MarketplaceRepository } from '@lattice/marketplace-data-access';
import { CloseSkillNeedUseCase } from './close-skill-need/close-skill-need.use-case';
import { DemandMapUseCase } from './demand-map/demand-map.use-case';
import { DetectExpiringNeedsUseCase } from './detect-expiring-needs/detect-expiring-needs.use-case';
import { NeedExpiryWatch } from './detect-expiring-needs/need-expiry.watch';
import { CapabilityProfileResolver } from './graphql/capability-profile.resolver';
import { DemandResolver } from './graphql/demand.resolver';
import { MatchingResolver } from './graphql/matching.resolver';
import { PartnershipResolver } from './graphql/partnership.resolver';
import { RegionResolver } from './graphql/region.resolver';
import { SkillNeedResolver } from './graphql/skill-need.resolver';
import { SkillResolver } from './graphql/skill.resolver';
import { InternalSkillsController } from './internal-skills/internal-skills.controller';
import { ImportSkillTaxonomyUseCase } from './import-skill-taxonomy/import-skill-taxonomy.use-case';
import { ListSkillNeedsUseCase } from './list-skill-needs/list-skill-needs.use-case';
import { ListSkillsUseCase } from './list-skills/list-skills.use-case';
import { MatchNeedsUseCase } from './match-needs/match-needs.use-case';
import { MatchPartnersUseCase } from './match-partners/match-partners.use-case';
import { PostSkillNeedUseCase } from './post-skill-need/post-skill-need.use-case';
import { ProposePartnershipUseCase } from './propose-partnership/propose-partnership.use-case';
import { RespondToPartnershipUseCase } from './respond-to-partnership/respond-to-partnership.use-case';
import { MARKETPLACE_OPTIONS, type MarketplaceOptions } from './shared/marketplace.options';
import { OrganizationDirectory } from './shared/organization-directory';
import { UpdateSkillNeedUseCase } from './update-skill-need/update-skill-need.use-case';
import { UpsertCapabilityProfileUseCase } from './upsert-capability-profile/upsert-capability-profile.use-case';
import { WithdrawPartnershipUseCase } from './withdraw-partnership/withdraw-partnership.use-case';
import { ListPartnershipsUseCase } from './list-partnerships/list-partnerships.use-case';

export const MARKETPLACE_USE_CASES = [
  ImportSkillTaxonomyUseCase,
  ListSkillsUseCase,
  PostSkillNeedUseCase,
  UpdateSkillNeedUseCase,
  CloseSkillNeedUseCase,
  ListSkillNeedsUseCase,
  UpsertCapabilityProfileUseCase,
  MatchPartnersUseCase,
  MatchNeedsUseCase,
  ProposePartnershipUseCase,
  RespondToPartnershipUseCase,
  WithdrawPartnershipUseCase,
  ListPartnershipsUseCase,
  DemandMapUseCase,
  DetectExpiringNeedsUseCase,
];

@Module({})
export class MarketplaceFeatureModule {
  static forRoot(options: MarketplaceOptions): DynamicModule {
    return {
      module: MarketplaceFeatureModule,
      controllers: [InternalSkillsController],
      providers: [
        { provide: MARKETPLACE_OPTIONS, useValue: options },
        MarketplaceRepository,
        OrganizationDirectory,
        ...MARKETPLACE_USE_CASES,
        RegionResolver,
        SkillResolver,
        SkillNeedResolver,
        CapabilityProfileResolver,
        MatchingResolver,
        PartnershipResolver,
        DemandResolver,
        NeedExpiryWatch,
      ],
      exports: [MarketplaceRepository, ...MARKETPLACE_USE_CASES],
    };
  }
}
