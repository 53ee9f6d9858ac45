// Builds evidence's use cases on a real database, and feeds its read tables the way the worker
// does: through the event handlers, from events shaped like other services' own.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Authorizer, MembershipSource, type Principal } from '@lattice/shared-auth';
import type { DomainEvent, DomainEventPayloads, DomainEventType, OrgKind } from '@lattice/shared-contracts';
import { EvidenceRepository, InsightsQueries } from '@lattice/evidence-data-access';
import { EvidenceEventHandlers } from '../events/evidence-events.handlers';
import { SendFeedbackRemindersUseCase } from '../feedback/feedback-reminders';
import { LearnerFeedbackUseCases, SurveyUseCases } from '../feedback/feedback.use-cases';
import { FrameworkSurveyUseCases } from '../framework-survey/framework-survey.use-cases';
import { InsightsUseCase } from '../insights/insights.use-case';
import { InsightsRollupsUseCase } from '../insights/rollups.use-case';
import { MyDataUseCases } from '../my-data/my-data.use-cases';
import { ReportOutcomesUseCase } from '../outcomes/report-outcomes.use-case';
import { SelfIdentificationUseCases } from '../self-identification/self-identification.use-cases';
import { LearnerKeys } from '../shared/evidence.options';
import { ShareUseCases } from '../shares/share.use-cases';

class NoLiveMemberships extends MembershipSource {
  async membershipsOf(principal: Principal) {
    return principal.memberships;
  }
}

export const TEST_EVIDENCE_KEY = Buffer.alloc(32, 7);

export function evidenceUseCases(dataSource: DataSource, k = 10) {
  const keys = new LearnerKeys(TEST_EVIDENCE_KEY);
  const repository = new EvidenceRepository(dataSource);
  const authorizer = new Authorizer(new NoLiveMemberships());
  const feedback = new LearnerFeedbackUseCases(dataSource, repository, keys);
  const selfIdentification = new SelfIdentificationUseCases(dataSource, repository, keys);
  return {
    keys,
    repository,
    handlers: new EvidenceEventHandlers(dataSource, keys),
    feedback,
    surveys: new SurveyUseCases(dataSource, repository, authorizer),
    reminders: new SendFeedbackRemindersUseCase(dataSource, repository, keys),
    shares: new ShareUseCases(dataSource, repository, feedback, authorizer, keys),
    outcomes: new ReportOutcomesUseCase(dataSource, repository, authorizer),
    selfIdentification,
    myData: new MyDataUseCases(dataSource, repository, selfIdentification, keys),
    insights: new InsightsUseCase(new InsightsQueries(dataSource), repository, authorizer, keys, {
      evidenceKey: TEST_EVIDENCE_KEY,
      k,
    }),
    /** The same insights answered from the base tables: what the rollups must equal. */
    referenceInsights: new InsightsUseCase(
      new InsightsQueries(dataSource).referenceQueries(),
      repository,
      authorizer,
      keys,
      {
        evidenceKey: TEST_EVIDENCE_KEY,
        k,
      },
    ),
    rollups: new InsightsRollupsUseCase(dataSource, keys),
    frameworkSurvey: new FrameworkSurveyUseCases(dataSource, repository, authorizer),
  };
}

export function event<T extends DomainEventType>(
  type: T,
  payload: DomainEventPayloads[T],
  occurredAt = new Date().toISOString(),
): DomainEvent<T> {
  return { id: randomUUID(), type, source: type.split('.')[0]!, occurredAt, actorId: null, payload };
}

export const learner = (
  email = `learner-${randomUUID().slice(0, 8)}@example.org`,
  emailVerified = true,
): Principal => ({ userId: randomUUID(), email, emailVerified, memberships: [], token: 't' });
export const memberOf = (
  organizationId: string,
  kind: OrgKind,
  role: 'OWNER' | 'ADMIN' | 'MEMBER' = 'ADMIN',
): Principal => ({
  userId: randomUUID(),
  email: `staff-${randomUUID().slice(0, 8)}@example.org`,
  emailVerified: true,
  memberships: [{ organizationId, kind, role }],
  token: 't',
});

export const organizationCreated = (
  kind: OrgKind,
  extra: Partial<DomainEventPayloads['identity.organization.created']> = {},
) => {
  const organizationId = randomUUID();
  return event('identity.organization.created', {
    organizationId,
    name: `${kind} ${organizationId.slice(0, 4)}`,
    kind,
    size: 'SMALL',
    region: 'ON-North',
    sector: '212',
    createdBy: randomUUID(),
    ...extra,
  });
};

export const published = (
  issuerId: string,
  partnerIds: string[],
  extra: Partial<DomainEventPayloads['credentials.design.published']['facts']> = {},
) =>
  event('credentials.design.published', {
    designId: randomUUID(),
    credentialId: randomUUID(),
    title: `Credential ${randomUUID().slice(0, 4)}`,
    issuerId,
    version: 3,
    frameworkId: randomUUID(),
    partnerIds,
    facts: {
      hours: 30,
      deliveryMode: 'HYBRID',
      careerStage: 'ENTRY',
      credit: true,
      transcriptable: false,
      assessmentMethods: ['EMPLOYER_ASSESSMENT', 'PORTFOLIO'],
      competencies: ['skill-a', 'skill-b'],
      secondsInStage: { DRAFT: 86_400 * 3, IN_REVIEW: 86_400 },
      ...extra,
    },
  });

export const issued = (credentialId: string, issuerId: string, email: string, occurredAt?: string) =>
  event(
    'credentials.award.issued',
    {
      awardId: randomUUID(),
      credentialId,
      credentialTitle: 'Credential',
      issuerId,
      recipientName: 'Learner',
      recipientEmail: email,
      publicUrl: 'https://lattice.example/credentials/x',
    },
    occurredAt,
  );

/** The learner survey's required answers, with overrides. */
export const answers = (
  overrides: Record<string, number> = {},
  extra: Array<{ key: string; choices?: string[]; text?: string }> = [],
) => [
  ...Object.entries({ relevance: 4, workload: 3, authenticity: 5, recommend: 4, ...overrides }).map(
    ([key, value]) => ({ key, value }),
  ),
  ...extra,
];
