// Overdue reviews are announced once per version, naming the parties still to approve; the
// flagging and reading are the repository's (mocked), the events go out with the transaction.
import type { DataSource, EntityManager } from 'typeorm';
import type { PendingEvent, UnitOfWork } from '@lattice/shared-data-access';
import { approvalsOfVersion, flagOverdueReviews } from '@lattice/credentials-data-access';
import { DetectOverdueReviewsUseCase } from './detect-overdue-reviews.use-case';

const emitted: PendingEvent[] = [];
jest.mock('@lattice/shared-data-access', () => ({
  inTransaction: jest.fn(
    async (_dataSource: unknown, _schema: string, work: (uow: UnitOfWork) => Promise<unknown>) =>
      work({ manager: {} as EntityManager, emit: (event: PendingEvent) => void emitted.push(event) }),
  ),
}));
jest.mock('@lattice/credentials-data-access', () => ({
  CREDENTIALS_SCHEMA: 'credentials',
  flagOverdueReviews: jest.fn(),
  approvalsOfVersion: jest.fn(),
}));

describe('DetectOverdueReviewsUseCase', () => {
  beforeEach(() => (emitted.length = 0));

  it('announces each newly overdue design with the parties whose approval of its version is missing (withdrawn ones do not count)', async () => {
    const due = new Date('2026-01-10T00:00:00Z');
    jest.mocked(flagOverdueReviews).mockResolvedValue([
      {
        id: 'design-1',
        title: 'Welding',
        issuer_id: 'college',
        partner_ids: ['employer', 'union'],
        version: 3,
        review_due_at: due,
      },
    ]);
    jest.mocked(approvalsOfVersion).mockResolvedValue([
      {
        designId: 'design-1',
        organizationId: 'college',
        version: 3,
        approvedBy: 'u1',
        approvedAt: due,
        withdrawnAt: null,
      },
      {
        designId: 'design-1',
        organizationId: 'union',
        version: 3,
        approvedBy: 'u2',
        approvedAt: due,
        withdrawnAt: due,
      },
    ]);
    const now = new Date('2026-01-11T00:00:00Z');

    const overdue = await new DetectOverdueReviewsUseCase({} as DataSource).execute(now, 50);

    expect(flagOverdueReviews).toHaveBeenCalledWith(expect.anything(), now, 50);
    expect(approvalsOfVersion).toHaveBeenCalledWith(expect.anything(), 'design-1', 3);
    expect(overdue).toEqual([{ designId: 'design-1', version: 3, awaiting: ['employer', 'union'] }]);
    expect(emitted).toEqual([
      {
        type: 'credentials.design.review_overdue',
        actorId: null,
        payload: {
          designId: 'design-1',
          title: 'Welding',
          issuerId: 'college',
          version: 3,
          reviewDueAt: due.toISOString(),
          awaiting: ['employer', 'union'],
        },
      },
    ]);
  });

  it('announces nothing when nothing new is overdue', async () => {
    jest.mocked(flagOverdueReviews).mockResolvedValue([]);
    await expect(new DetectOverdueReviewsUseCase({} as DataSource).execute()).resolves.toEqual([]);
    expect(emitted).toEqual([]);
  });
});
