// Domain events: the one list of what each service announces, with its payload. A service
// writes them to its outbox in the same transaction as the change; the relay moves them to the
// `domain-events` queue with jobId = event id, so a replay never duplicates a job.

import type { OrgKind, Role } from './vocabulary';

export interface DomainEventPayloads {
  'identity.user.signed_up': { userId: string; email: string; name: string; locale: string };
  /**
   * A person must prove they read mail at `email`. The link holds a single-use secret (valid until
   * `expiresAt`), AES-256-GCM-sealed under INVITATION_LINK_KEY: only the e-mail to that address shows it.
   */
  'identity.email_verification.requested': {
    userId: string;
    email: string;
    name: string;
    locale: string;
    expiresAt: string;
    sealedVerifyUrl?: string;
  };
  'identity.user.email_verified': { userId: string; email: string };
  /** A person asked to reset a forgotten password: a single-use link (until `expiresAt`), sealed like the verification link. */
  'identity.password_reset.requested': {
    userId: string;
    email: string;
    name: string;
    locale: string;
    expiresAt: string;
    sealedResetUrl?: string;
  };
  /** The password was changed (by the person, or through a reset link); every session before it was ended. */
  'identity.password.changed': {
    userId: string;
    email: string;
    name: string;
    locale: string;
    via: 'CHANGE' | 'RESET';
  };
  'identity.organization.created': {
    organizationId: string;
    name: string;
    kind: OrgKind;
    size: string;
    region: string | null;
    sector: string | null;
    createdBy: string;
  };
  'identity.organization.verified': { organizationId: string; verified: boolean; by: string };
  'identity.membership.created': { userId: string; organizationId: string; role: Role };
  'identity.invitation.created': {
    invitationId: string;
    organizationId: string;
    organizationName: string;
    email: string;
    role: Role;
    invitedBy: string;
    expiresAt: string;
    /** The accept link (it holds the token), AES-256-GCM-sealed under INVITATION_LINK_KEY: never the raw link. */
    sealedAcceptUrl?: string;
  };
  'identity.invitation.accepted': {
    invitationId: string;
    organizationId: string;
    userId: string;
    role: Role;
  };
  /** An accepted join request made the organization a member; `by` asked, `acceptedBy` (an umbrella admin) accepted. */
  'identity.umbrella.joined': {
    umbrellaId: string;
    organizationId: string;
    by: string;
    acceptedBy?: string;
    requestId?: string;
  };
  /** An organization asked to join an umbrella; the umbrella's admins accept or decline. */
  'identity.umbrella.join_requested': {
    requestId: string;
    umbrellaId: string;
    organizationId: string;
    by: string;
  };
  'identity.umbrella.join_declined': {
    requestId: string;
    umbrellaId: string;
    organizationId: string;
    by: string;
  };
  /** An umbrella admin removed a member organization. */
  'identity.umbrella.member_removed': { umbrellaId: string; organizationId: string; by: string };
  'identity.membership.role_changed': {
    userId: string;
    organizationId: string;
    role: Role;
    previousRole: Role;
    by: string;
  };
  /** A person left (`left`) or was removed from an organization. */
  'identity.membership.removed': {
    userId: string;
    organizationId: string;
    role: Role;
    by: string;
    left: boolean;
  };
  /** An organization's webhook subscription was created or deleted (for its audit log); only the URL's origin, never its path or query. */
  'notifications.webhook.changed': {
    subscriptionId: string;
    organizationId: string;
    change: 'CREATED' | 'DELETED';
    urlOrigin: string;
    events: string[];
  };
  'marketplace.need.posted': {
    needId: string;
    organizationId: string;
    title: string;
    region: string;
    skillIds: string[];
    learnerCount: number;
  };
  'marketplace.need.closed': { needId: string; organizationId: string };
  /** An open need's needed-by date is near (announced once per need and date). */
  'marketplace.need.expiring': { needId: string; organizationId: string; title: string; neededBy: string };
  'marketplace.partnership.proposed': MarketplacePartnershipPayload;
  'marketplace.partnership.accepted': MarketplacePartnershipPayload;
  'marketplace.partnership.declined': MarketplacePartnershipPayload;
  'marketplace.partnership.withdrawn': MarketplacePartnershipPayload;
  /** A design went (back) to its partners for review; `awaiting` are the organizations asked to approve. */
  'credentials.design.review_requested': {
    designId: string;
    title: string;
    issuerId: string;
    version: number;
    reviewDueAt: string;
    awaiting: string[];
    resubmission: boolean;
  };
  /**
   * A design's compliance was reviewed (sent to its partners for review): per framework element its
   * framework's rules test, whether the design failed it — what evidence counts per element.
   */
  'credentials.design.compliance_reviewed': {
    designId: string;
    issuerId: string;
    frameworkId: string;
    version: number;
    elements: Array<{ element: string; failed: boolean }>;
  };
  'credentials.design.changes_requested': {
    designId: string;
    title: string;
    issuerId: string;
    version: number;
    organizationId: string;
    commentId: string;
    comment: string;
  };
  /** Every party approved the same version. */
  'credentials.design.approved': {
    designId: string;
    title: string;
    issuerId: string;
    version: number;
    partnerIds: string[];
  };
  'credentials.design.published': {
    designId: string;
    credentialId: string;
    title: string;
    issuerId: string;
    version: number;
    frameworkId: string;
    partnerIds: string[];
    /** What the credential is, for evidence's insights (absent on events published before it was added). */
    facts?: PublishedCredentialFacts;
  };
  /** An institution or umbrella defined a pathway: these published credentials stack into a larger one. */
  'credentials.pathway.defined': {
    pathwayId: string;
    ownerId: string;
    title: string;
    credentialIds: string[];
    targetCredentialId: string | null;
  };
  /** An institution declared that another institution's credential counts toward its pathway or for credit. */
  'credentials.recognition.declared': {
    recognitionId: string;
    institutionId: string;
    credentialId: string;
    issuerId: string;
    pathwayId: string | null;
  };
  /** The recognizing institution withdrew a recognition: the credential no longer counts there. */
  'credentials.recognition.withdrawn': {
    recognitionId: string;
    institutionId: string;
    credentialId: string;
    pathwayId: string | null;
  };
  /** Once per design version that stays in review past its due date. */
  'credentials.design.review_overdue': {
    designId: string;
    title: string;
    issuerId: string;
    version: number;
    reviewDueAt: string;
    awaiting: string[];
  };
  'credentials.design.comment_added': {
    designId: string;
    title: string;
    issuerId: string;
    partnerIds: string[];
    commentId: string;
    replyTo: string | null;
    field: string | null;
    authorId: string;
  };
  /** A credential was awarded to a learner (no e-mail: the recipient is known by name only). */
  /** recipientEmail lets notifications tell the learner; it stays in the outbox only until pruned (the award keeps a hash). */
  'credentials.award.issued': {
    awardId: string;
    credentialId: string;
    credentialTitle: string;
    issuerId: string;
    recipientName: string;
    recipientEmail: string;
    publicUrl: string;
  };
  'credentials.award.revoked': {
    awardId: string;
    credentialId: string;
    issuerId: string;
    reason: string;
    publicUrl: string;
  };
  /** An issuer rotated its signing key: new credentials use `keyId`; the previous key still verifies what it signed. */
  'credentials.issuer_key.rotated': { organizationId: string; keyId: string; previousKeyId: string };
  /** An employer or umbrella endorsed a published credential (signed with its own issuer key). */
  'credentials.endorsement.added': {
    endorsementId: string;
    credentialId: string;
    credentialTitle: string;
    issuerId: string;
    organizationId: string;
    inDemand: boolean;
    assessmentReflectsJobPerformance: boolean;
  };
  /**
   * Evidence asks a learner about an award (`reminder`: the one reminder, 7 days later unless answered
   * or turned off). The address is the award's; only an account that proved it is told.
   */
  'evidence.feedback.requested': {
    awardId: string;
    credentialId: string;
    credentialTitle: string;
    recipientEmail: string;
    reminder: boolean;
  };
  /** An institution is asked, once per published credential, how useful the framework was. */
  'evidence.framework_survey.requested': {
    credentialId: string;
    credentialTitle: string;
    issuerId: string;
    frameworkId: string;
  };
  /** An employer reported outcomes for a cohort of a credential's holders (counts only: no learner). */
  'evidence.outcome.reported': {
    reportId: string;
    credentialId: string;
    issuerId: string;
    organizationId: string;
  };
}

/** The design facts of a published credential that evidence groups its insights by. */
export interface PublishedCredentialFacts {
  hours: number | null;
  deliveryMode: string | null;
  careerStage: string | null;
  credit: boolean | null;
  transcriptable: boolean | null;
  assessmentMethods: string[];
  /** The competencies' skill ids, which employers rate on the job. */
  competencies: string[];
  /** Seconds the design spent in each co-development stage before publication (all visits). */
  secondsInStage: Record<string, number>;
  /** Framework elements (rule keys) the design failed at any compliance check before publication. */
  failedFrameworkElements?: string[];
}

/** Who is in a partnership and who acted, so consumers can tell both sides without a lookup. */
export interface MarketplacePartnershipPayload {
  partnershipId: string;
  needId: string;
  needTitle: string;
  employerId: string;
  institutionId: string;
  /** The organization whose member proposed (the employer or the institution). */
  proposedByOrganizationId: string;
  /** The organization whose member made this change. */
  actingOrganizationId: string;
  message: string | null;
}

export type DomainEventType = keyof DomainEventPayloads;
export const DOMAIN_EVENT_TYPES = [
  'identity.user.signed_up',
  'identity.email_verification.requested',
  'identity.user.email_verified',
  'identity.password_reset.requested',
  'identity.password.changed',
  'identity.organization.created',
  'identity.organization.verified',
  'identity.membership.created',
  'identity.invitation.created',
  'identity.invitation.accepted',
  'identity.umbrella.joined',
  'identity.umbrella.join_requested',
  'identity.umbrella.join_declined',
  'identity.umbrella.member_removed',
  'identity.membership.role_changed',
  'identity.membership.removed',
  'marketplace.need.posted',
  'marketplace.need.closed',
  'marketplace.need.expiring',
  'marketplace.partnership.proposed',
  'marketplace.partnership.accepted',
  'marketplace.partnership.declined',
  'marketplace.partnership.withdrawn',
  'credentials.design.review_requested',
  'credentials.design.compliance_reviewed',
  'credentials.design.changes_requested',
  'credentials.design.approved',
  'credentials.design.published',
  'credentials.design.review_overdue',
  'credentials.design.comment_added',
  'credentials.award.issued',
  'credentials.award.revoked',
  'credentials.endorsement.added',
  'credentials.issuer_key.rotated',
  'evidence.feedback.requested',
  'evidence.framework_survey.requested',
  'evidence.outcome.reported',
  'credentials.pathway.defined',
  'credentials.recognition.declared',
  'credentials.recognition.withdrawn',
  'notifications.webhook.changed',
] as const satisfies readonly DomainEventType[];

// Compile-time proof that the list above names every event type exactly.
type Missing = Exclude<DomainEventType, (typeof DOMAIN_EVENT_TYPES)[number]>;
const _everyEventListed: Missing extends never ? true : Missing = true;
void _everyEventListed;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  /** UUID; also the queue job id and the idempotency key of every consumer. */
  readonly id: string;
  readonly type: T;
  /** The service whose outbox it left. */
  readonly source: string;
  readonly occurredAt: string;
  /** The user whose action caused it, when there is one. */
  readonly actorId: string | null;
  readonly payload: DomainEventPayloads[T];
  /** The request that caused it (its id and W3C trace context), for logs and traces; absent on older events. */
  readonly metadata?: EventMetadata;
}

export interface EventMetadata {
  readonly requestId?: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
}

export function isDomainEventType(value: string): value is DomainEventType {
  return (DOMAIN_EVENT_TYPES as readonly string[]).includes(value);
}
