// The co-development workflow as an explicit state machine:
//
//   DRAFT ──submit──▶ IN_REVIEW ──requestChanges──▶ CHANGES_REQUESTED ──submit──▶ IN_REVIEW
//   IN_REVIEW ──last partner approves──▶ APPROVED ──publish──▶ PUBLISHED ──retire──▶ RETIRED
//
// Approvals are per version: every party (the issuer and each partner organization) must approve
// the same version. An edit creates a new version, so approvals of the old one no longer count:
// an edit while IN_REVIEW keeps the design IN_REVIEW, and an edit of an APPROVED design sends it
// back to IN_REVIEW (not DRAFT) — the partners are still engaged, the review deadline still
// stands, and they only need to look again. Edits in DRAFT and CHANGES_REQUESTED keep the stage
// (the issuer resubmits when ready). PUBLISHED and RETIRED designs are frozen.
import type { DesignStage } from '@lattice/shared-contracts';
import { CredentialsErrors } from '../credentials.errors';

export type DesignAction = 'EDIT' | 'SUBMIT' | 'REQUEST_CHANGES' | 'APPROVE' | 'PUBLISH' | 'RETIRE';

/** Every allowed move; anything absent is refused with FAILED_PRECONDITION. */
const TRANSITIONS: { readonly [S in DesignStage]: Partial<Record<DesignAction, DesignStage>> } = {
  DRAFT: { EDIT: 'DRAFT', SUBMIT: 'IN_REVIEW' },
  IN_REVIEW: { EDIT: 'IN_REVIEW', REQUEST_CHANGES: 'CHANGES_REQUESTED', APPROVE: 'IN_REVIEW' },
  CHANGES_REQUESTED: { EDIT: 'CHANGES_REQUESTED', SUBMIT: 'IN_REVIEW' },
  APPROVED: { EDIT: 'IN_REVIEW', PUBLISH: 'PUBLISHED' },
  PUBLISHED: { RETIRE: 'RETIRED' },
  RETIRED: {},
};

const ACTION_WORDS: Record<DesignAction, string> = {
  EDIT: 'edit',
  SUBMIT: 'submit for review',
  REQUEST_CHANGES: 'request changes to',
  APPROVE: 'approve',
  PUBLISH: 'publish',
  RETIRE: 'retire',
};

export function canTransition(stage: DesignStage, action: DesignAction): boolean {
  return TRANSITIONS[stage][action] !== undefined;
}

/** The stage after `action`, or FAILED_PRECONDITION naming what is possible instead. */
export function nextStage(stage: DesignStage, action: DesignAction): DesignStage {
  const next = TRANSITIONS[stage][action];
  if (next) return next;
  if (action === 'EDIT') {
    throw CredentialsErrors.of('DESIGN_LOCKED', `A ${stage.toLowerCase()} design can no longer be edited.`, {
      stage,
    });
  }
  const allowed = Object.keys(TRANSITIONS[stage]) as DesignAction[];
  throw CredentialsErrors.of(
    'INVALID_TRANSITION',
    `You cannot ${ACTION_WORDS[action]} a design that is ${stage}${allowed.length ? `; possible now: ${allowed.map((a) => ACTION_WORDS[a]).join(', ')}` : ''}.`,
    { stage, action },
  );
}

export interface ApprovalState {
  /** Every party that must approve: the issuer first, then partners. */
  readonly parties: readonly string[];
  readonly approved: readonly string[];
  readonly pending: readonly string[];
  readonly complete: boolean;
}

/** Who has approved `version` and who has not; approvals of other versions do not count. */
export function approvalState(
  issuerId: string,
  partnerIds: readonly string[],
  approvals: ReadonlyArray<{ organizationId: string; version: number }>,
  version: number,
): ApprovalState {
  const parties = [issuerId, ...partnerIds.filter((id) => id !== issuerId)];
  const approvedSet = new Set(approvals.filter((a) => a.version === version).map((a) => a.organizationId));
  const approved = parties.filter((p) => approvedSet.has(p));
  const pending = parties.filter((p) => !approvedSet.has(p));
  return { parties, approved, pending, complete: pending.length === 0 };
}

/** The stage after `organizationId` approves; refuses non-parties and a second approval of one version. */
export function approve(stage: DesignStage, state: ApprovalState, organizationId: string): DesignStage {
  nextStage(stage, 'APPROVE');
  if (!state.parties.includes(organizationId)) {
    throw CredentialsErrors.of(
      'NOT_A_PARTY',
      'That organization is not a party to this design, so it does not sign it off.',
      { organizationId },
    );
  }
  if (state.approved.includes(organizationId)) {
    throw CredentialsErrors.of('ALREADY_APPROVED', 'Your organization has already approved this version.', {
      organizationId,
    });
  }
  return state.pending.length === 1 ? 'APPROVED' : 'IN_REVIEW';
}

/** Submitting a version every party already approved (resubmitted unchanged) lands in APPROVED. */
export function submit(stage: DesignStage, state: ApprovalState): DesignStage {
  nextStage(stage, 'SUBMIT');
  return state.complete ? 'APPROVED' : 'IN_REVIEW';
}

/** Publishing needs the APPROVED stage, every party's approval of this version, and compliance. */
export function assertPublishable(
  stage: DesignStage,
  state: ApprovalState,
  compliance: { passed: boolean; failing: readonly string[] },
): void {
  if (stage === 'IN_REVIEW' || (stage === 'APPROVED' && !state.complete)) {
    throw CredentialsErrors.of(
      'APPROVALS_PENDING',
      `Every party must approve this version first; still waiting on ${state.pending.length} organization(s).`,
      {
        pending: state.pending,
      },
    );
  }
  nextStage(stage, 'PUBLISH');
  if (!compliance.passed) {
    throw CredentialsErrors.of(
      'NOT_COMPLIANT',
      `The design does not comply with its framework: ${compliance.failing.join(', ')}.`,
      { failing: compliance.failing },
    );
  }
}

/** Who the design is waiting on in its current stage. */
export function waitingOn(stage: DesignStage, issuerId: string, state: ApprovalState): string[] {
  switch (stage) {
    case 'DRAFT':
    case 'CHANGES_REQUESTED':
    case 'APPROVED':
      return [issuerId];
    case 'IN_REVIEW':
      return [...state.pending];
    case 'PUBLISHED':
    case 'RETIRED':
      return [];
  }
}

export const DEFAULT_REVIEW_DAYS = 14;
export const MAX_REVIEW_DAYS = 365;

/** The review deadline: given (future, within a year) or two weeks from now. */
export function reviewDueDate(requested: Date | null | undefined, now: Date): Date {
  if (!requested) return new Date(now.getTime() + DEFAULT_REVIEW_DAYS * 86_400_000);
  const time = requested.getTime();
  if (Number.isNaN(time) || time <= now.getTime()) {
    throw CredentialsErrors.of('INVALID_REVIEW_DUE_DATE', 'The review due date must be in the future.', {
      field: 'reviewDueAt',
    });
  }
  if (time > now.getTime() + MAX_REVIEW_DAYS * 86_400_000) {
    throw CredentialsErrors.of(
      'INVALID_REVIEW_DUE_DATE',
      `The review due date must be within ${MAX_REVIEW_DAYS} days.`,
      { field: 'reviewDueAt' },
    );
  }
  return requested;
}

/** Overdue: still in review past its deadline. */
export function isReviewOverdue(stage: DesignStage, reviewDueAt: Date | null, now: Date): boolean {
  return stage === 'IN_REVIEW' && reviewDueAt !== null && reviewDueAt.getTime() < now.getTime();
}
