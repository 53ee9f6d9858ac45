import { type DynamicModule, Module } from '@nestjs/common';
import { EvidenceRepository, InsightsQueries } from '@lattice/evidence-data-access';
import { FeedbackReminderWatch, SendFeedbackRemindersUseCase } from './feedback/feedback-reminders';
import { LearnerFeedbackUseCases, SurveyUseCases } from './feedback/feedback.use-cases';
import { FrameworkSurveyUseCases } from './framework-survey/framework-survey.use-cases';
import { LearnerEvidenceResolver } from './graphql/learner.resolver';
import { InsightsResolver, OrganizationEvidenceResolver } from './graphql/organization.resolver';
import { InsightsUseCase } from './insights/insights.use-case';
import { InsightsRollupsUseCase } from './insights/rollups.use-case';
import { MyDataUseCases } from './my-data/my-data.use-cases';
import { ReportOutcomesUseCase } from './outcomes/report-outcomes.use-case';
import { SelfIdentificationUseCases } from './self-identification/self-identification.use-cases';
import { EVIDENCE_OPTIONS, type EvidenceOptions, LearnerKeys } from './shared/evidence.options';
import { ShareUseCases } from './shares/share.use-cases';

export const EVIDENCE_USE_CASES = [
  LearnerFeedbackUseCases,
  SurveyUseCases,
  SendFeedbackRemindersUseCase,
  ShareUseCases,
  ReportOutcomesUseCase,
  SelfIdentificationUseCases,
  MyDataUseCases,
  InsightsUseCase,
  InsightsRollupsUseCase,
  FrameworkSurveyUseCases,
];

@Module({})
export class EvidenceFeatureModule {
  static forRoot(options: EvidenceOptions): DynamicModule {
    return {
      module: EvidenceFeatureModule,
      providers: [
        { provide: EVIDENCE_OPTIONS, useValue: options },
        { provide: LearnerKeys, useValue: new LearnerKeys(options.evidenceKey) },
        EvidenceRepository,
        InsightsQueries,
        ...EVIDENCE_USE_CASES,
        FeedbackReminderWatch,
        LearnerEvidenceResolver,
        OrganizationEvidenceResolver,
        InsightsResolver,
      ],
      exports: [...EVIDENCE_USE_CASES],
    };
  }
}
