import {
  approvalState,
  approve,
  assertPublishable,
  canTransition,
  type DesignAction,
  isReviewOverdue,
  nextStage,
  reviewDueDate,
  submit,
  waitingOn,
} from './design-workflow';
import { DESIGN_STAGES, type DesignStage } from '@lattice/shared-contracts';

const ISSUER = 'issuer';
const A = 'employer-a';
const B = 'employer-b';
const state = (approved: string[], version = 3) =>
  approvalState(
    ISSUER,
    [A, B],
    approved.map((organizationId) => ({ organizationId, version })),
    version,
  );

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('design workflow', () => {
  const allowed: Array<[DesignStage, DesignAction, DesignStage]> = [
    ['DRAFT', 'EDIT', 'DRAFT'],
    ['DRAFT', 'SUBMIT', 'IN_REVIEW'],
    ['IN_REVIEW', 'EDIT', 'IN_REVIEW'],
    ['IN_REVIEW', 'REQUEST_CHANGES', 'CHANGES_REQUESTED'],
    ['IN_REVIEW', 'APPROVE', 'IN_REVIEW'],
    ['CHANGES_REQUESTED', 'EDIT', 'CHANGES_REQUESTED'],
    ['CHANGES_REQUESTED', 'SUBMIT', 'IN_REVIEW'],
    ['APPROVED', 'EDIT', 'IN_REVIEW'],
    ['APPROVED', 'PUBLISH', 'PUBLISHED'],
    ['PUBLISHED', 'RETIRE', 'RETIRED'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(nextStage(from, action)).toBe(to);
  });

  it('refuses every other move with FAILED_PRECONDITION codes', () => {
    const actions: DesignAction[] = ['EDIT', 'SUBMIT', 'REQUEST_CHANGES', 'APPROVE', 'PUBLISH', 'RETIRE'];
    let refused = 0;
    for (const stage of DESIGN_STAGES) {
      for (const action of actions) {
        if (allowed.some(([from, a]) => from === stage && a === action)) continue;
        expect(canTransition(stage, action)).toBe(false);
        expect(codeOf(() => nextStage(stage, action))).toBe(
          action === 'EDIT' ? 'CREDENTIALS.DESIGN_LOCKED' : 'CREDENTIALS.INVALID_TRANSITION',
        );
        refused++;
      }
    }
    expect(refused).toBe(DESIGN_STAGES.length * actions.length - allowed.length);
  });

  it('counts only approvals of the current version', () => {
    const mixed = approvalState(
      ISSUER,
      [A, B],
      [
        { organizationId: ISSUER, version: 3 },
        { organizationId: A, version: 2 },
      ],
      3,
    );
    expect(mixed.parties).toEqual([ISSUER, A, B]);
    expect(mixed.approved).toEqual([ISSUER]);
    expect(mixed.pending).toEqual([A, B]);
    expect(mixed.complete).toBe(false);
  });

  it('moves to APPROVED only when the last party approves', () => {
    expect(approve('IN_REVIEW', state([]), ISSUER)).toBe('IN_REVIEW');
    expect(approve('IN_REVIEW', state([ISSUER]), A)).toBe('IN_REVIEW');
    expect(approve('IN_REVIEW', state([ISSUER, A]), B)).toBe('APPROVED');
  });

  it('refuses approval by a non-party, a second approval, and approval outside review', () => {
    expect(codeOf(() => approve('IN_REVIEW', state([]), 'stranger'))).toBe('CREDENTIALS.NOT_A_PARTY');
    expect(codeOf(() => approve('IN_REVIEW', state([A]), A))).toBe('CREDENTIALS.ALREADY_APPROVED');
    expect(codeOf(() => approve('DRAFT', state([]), A))).toBe('CREDENTIALS.INVALID_TRANSITION');
    expect(codeOf(() => approve('APPROVED', state([ISSUER, A, B]), A))).toBe(
      'CREDENTIALS.INVALID_TRANSITION',
    );
  });

  it('lands a resubmission every party already approved in APPROVED', () => {
    expect(submit('CHANGES_REQUESTED', state([ISSUER, A, B]))).toBe('APPROVED');
    expect(submit('DRAFT', state([ISSUER]))).toBe('IN_REVIEW');
    expect(codeOf(() => submit('IN_REVIEW', state([])))).toBe('CREDENTIALS.INVALID_TRANSITION');
  });

  it('publishes only approved, fully signed, compliant designs', () => {
    const compliant = { passed: true, failing: [] };
    expect(() => assertPublishable('APPROVED', state([ISSUER, A, B]), compliant)).not.toThrow();
    expect(codeOf(() => assertPublishable('IN_REVIEW', state([ISSUER, A]), compliant))).toBe(
      'CREDENTIALS.APPROVALS_PENDING',
    );
    expect(codeOf(() => assertPublishable('APPROVED', state([ISSUER, A]), compliant))).toBe(
      'CREDENTIALS.APPROVALS_PENDING',
    );
    expect(codeOf(() => assertPublishable('DRAFT', state([]), compliant))).toBe(
      'CREDENTIALS.INVALID_TRANSITION',
    );
    expect(codeOf(() => assertPublishable('PUBLISHED', state([ISSUER, A, B]), compliant))).toBe(
      'CREDENTIALS.INVALID_TRANSITION',
    );
    expect(
      codeOf(() =>
        assertPublishable('APPROVED', state([ISSUER, A, B]), { passed: false, failing: ['outcomes'] }),
      ),
    ).toBe('CREDENTIALS.NOT_COMPLIANT');
  });

  it('says whom a design waits on', () => {
    expect(waitingOn('DRAFT', ISSUER, state([]))).toEqual([ISSUER]);
    expect(waitingOn('IN_REVIEW', ISSUER, state([ISSUER]))).toEqual([A, B]);
    expect(waitingOn('CHANGES_REQUESTED', ISSUER, state([]))).toEqual([ISSUER]);
    expect(waitingOn('APPROVED', ISSUER, state([ISSUER, A, B]))).toEqual([ISSUER]);
    expect(waitingOn('PUBLISHED', ISSUER, state([ISSUER, A, B]))).toEqual([]);
  });

  it('defaults the review due date to two weeks and refuses past or far dates', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(reviewDueDate(null, now).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(reviewDueDate(new Date('2026-01-03T00:00:00Z'), now).toISOString()).toBe(
      '2026-01-03T00:00:00.000Z',
    );
    expect(codeOf(() => reviewDueDate(new Date('2025-12-31T00:00:00Z'), now))).toBe(
      'CREDENTIALS.INVALID_REVIEW_DUE_DATE',
    );
    expect(codeOf(() => reviewDueDate(new Date('2027-06-01T00:00:00Z'), now))).toBe(
      'CREDENTIALS.INVALID_REVIEW_DUE_DATE',
    );
  });

  it('is overdue only in review past the deadline', () => {
    const now = new Date('2026-01-10T00:00:00Z');
    const past = new Date('2026-01-09T00:00:00Z');
    expect(isReviewOverdue('IN_REVIEW', past, now)).toBe(true);
    expect(isReviewOverdue('IN_REVIEW', new Date('2026-01-11T00:00:00Z'), now)).toBe(false);
    expect(isReviewOverdue('APPROVED', past, now)).toBe(false);
    expect(isReviewOverdue('IN_REVIEW', null, now)).toBe(false);
  });
});
