// Where an organization's designs wait, from the three summary reads (mocked): per stage, the
// designs in it now, the average time designs spent in it, and on whom the open ones wait.
import type { DataSource } from 'typeorm';
import type { Authorizer, Principal } from '@lattice/shared-auth';
import {
  designsPerStageOfParty,
  openDesignsOfParty,
  stageVisitsOfParty,
} from '@lattice/credentials-data-access';
import { SummarizeDesignStagesUseCase } from './summarize-design-stages.use-case';

jest.mock('@lattice/credentials-data-access', () => ({
  stageVisitsOfParty: jest.fn(),
  openDesignsOfParty: jest.fn(),
  designsPerStageOfParty: jest.fn(),
}));

const principal = { userId: 'user' } as Principal;

describe('SummarizeDesignStagesUseCase', () => {
  it('averages the time per visiting design and counts who each open design waits on', async () => {
    jest.mocked(stageVisitsOfParty).mockResolvedValue([
      { stage: 'IN_REVIEW', visited: 4, total_ms: 10_001 },
      { stage: 'DRAFT', visited: 0, total_ms: 0 },
    ]);
    jest.mocked(openDesignsOfParty).mockResolvedValue([
      // In review, a design waits on every party that has not approved its current version.
      {
        stage: 'IN_REVIEW',
        issuer_id: 'college',
        partner_ids: ['employer', 'union'],
        version: 2,
        approved: ['college'],
      },
      {
        stage: 'IN_REVIEW',
        issuer_id: 'college',
        partner_ids: ['employer'],
        version: 1,
        approved: ['college', 'employer'],
      },
      { stage: 'IN_REVIEW', issuer_id: 'college', partner_ids: ['union'], version: 3, approved: [] },
      { stage: 'DRAFT', issuer_id: 'college', partner_ids: ['employer'], version: 1, approved: [] },
    ]);
    jest.mocked(designsPerStageOfParty).mockResolvedValue([
      { stage: 'IN_REVIEW', n: 3 },
      { stage: 'DRAFT', n: 1 },
    ]);
    const authorizer = { requireRole: jest.fn(async () => undefined) };
    const useCase = new SummarizeDesignStagesUseCase(
      { manager: {} } as DataSource,
      authorizer as unknown as Authorizer,
    );

    const summary = await useCase.execute(principal, 'college');

    expect(authorizer.requireRole).toHaveBeenCalledWith(principal, 'college', 'MEMBER');
    const review = summary.find((s) => s.stage === 'IN_REVIEW')!;
    expect(review).toEqual({
      stage: 'IN_REVIEW',
      current: 3,
      visited: 4,
      averageMs: 2500,
      waitingOn: [
        { organizationId: 'union', designs: 2 },
        { organizationId: 'college', designs: 1 },
        { organizationId: 'employer', designs: 1 },
      ],
    });
    expect(summary.find((s) => s.stage === 'DRAFT')).toEqual({
      stage: 'DRAFT',
      current: 1,
      visited: 0,
      averageMs: 0,
      waitingOn: [{ organizationId: 'college', designs: 1 }],
    });
    expect(summary.find((s) => s.stage === 'PUBLISHED')).toEqual({
      stage: 'PUBLISHED',
      current: 0,
      visited: 0,
      averageMs: 0,
      waitingOn: [],
    });
  });
});
