// Queue and job names with their payload types, declared once for producers and consumers.
// Each consuming service has its own events queue and says which event types it hears; the
// outbox relay fans an event out to every queue that subscribes to its type (jobId = event id).
// Task queues carry work a consumer gives itself (one delivery, a scheduled sweep), each with
// its own retry policy.
import { DOMAIN_EVENT_TYPES, type DomainEvent, type DomainEventType } from './events';

/**
 * Identity's events that change a directory of organizations (ADR 0011): every service that keeps
 * one (libs/shared/organization-directory) subscribes its events queue to all of them.
 */
export const ORGANIZATION_DIRECTORY_EVENTS = [
  'identity.organization.created',
  'identity.organization.verified',
  'identity.umbrella.joined',
  'identity.umbrella.member_removed',
] as const satisfies readonly DomainEventType[];

export const EVENT_SUBSCRIPTIONS = {
  /**
   * Notifications hears every event: identity's keep its directory current, and any event with
   * a routing rule is told to people. A new event type needs only a routing rule to be heard.
   */
  'notifications-events': DOMAIN_EVENT_TYPES,
  /** Marketplace keeps a directory of organizations (kind, size, region, sector) for matching. */
  'marketplace-events': ORGANIZATION_DIRECTORY_EVENTS,
  /** Credentials keeps a directory of organizations (kind, umbrella membership) for authorization. */
  'credentials-events': ORGANIZATION_DIRECTORY_EVENTS,
  /** Evidence keeps its own read tables of what insights count (organizations, credentials, ties, awards) and asks for feedback. */
  'evidence-events': [
    'identity.organization.created',
    'identity.umbrella.joined',
    'identity.umbrella.member_removed',
    'marketplace.partnership.accepted',
    'credentials.design.published',
    'credentials.award.issued',
    'credentials.award.revoked',
    'credentials.endorsement.added',
    'credentials.design.compliance_reviewed',
  ],
  /** Identity appends other services' security-relevant actions to the organization's audit log (ADR 0015). */
  'identity-events': [
    'credentials.award.revoked',
    'credentials.issuer_key.rotated',
    'notifications.webhook.changed',
  ],
} as const satisfies Record<string, readonly DomainEventType[]>;

/** One delivery of one event to one recipient on one channel (the `deliveries` row's id). */
export interface DeliveryJob {
  readonly deliveryId: string;
}
/** Work a schedule starts; `at` is when it was due (ISO), for idempotency keys and logs. */
export interface ScheduledJob {
  readonly at?: string;
}

/** Task queues and the payload of each of their jobs. */
export interface TaskQueueJobs {
  /** In-app and e-mail deliveries: quick, retried briefly. */
  'notifications-deliveries': { 'in-app': DeliveryJob; email: DeliveryJob };
  /** Webhook deliveries: slow partner endpoints, retried with backoff for about a day, then dead-lettered. */
  'notifications-webhooks': { webhook: DeliveryJob };
  /** Repeatable jobs: the daily e-mail digest and the sweep that re-queues stranded deliveries. */
  'notifications-scheduled': { 'email.digest': ScheduledJob; 'deliveries.sweep': ScheduledJob };
}

export const TASK_QUEUE_JOBS = {
  'notifications-deliveries': ['in-app', 'email'],
  'notifications-webhooks': ['webhook'],
  'notifications-scheduled': ['email.digest', 'deliveries.sweep'],
} as const satisfies { [Q in keyof TaskQueueJobs]: ReadonlyArray<keyof TaskQueueJobs[Q]> };

/** How a queue retries a failing job: exponential backoff with ±jitter, capped, then failed (dead letter). */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
  /** Fraction of the delay randomized either way (0.2 → ±20 %), so retries do not stampede. */
  readonly jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 8, baseMs: 500, maxMs: 5 * 60_000, jitter: 0.2 };

/**
 * Per-queue retry policies (others use the default). Webhooks: 30 s doubling to a 2 h cap,
 * 20 attempts ≈ 24 h of trying (30 s … 64 min, then 12 × 2 h), then dead-lettered.
 */
export const QUEUE_RETRY_POLICIES: Partial<Record<string, RetryPolicy>> = {
  'notifications-webhooks': { attempts: 20, baseMs: 30_000, maxMs: 2 * 3600_000, jitter: 0.2 },
};

export type EventQueueName = keyof typeof EVENT_SUBSCRIPTIONS;
type SubscribedTypes<Q extends EventQueueName> = (typeof EVENT_SUBSCRIPTIONS)[Q][number];

export type QueueJobs = {
  [Q in EventQueueName]: { [T in SubscribedTypes<Q>]: DomainEvent<T> };
} & TaskQueueJobs;

export type QueueName = keyof QueueJobs;
export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = QueueJobs[Q][J];

export const QUEUE_NAMES = [
  ...Object.keys(EVENT_SUBSCRIPTIONS),
  ...Object.keys(TASK_QUEUE_JOBS),
] as QueueName[];

/** Every job name a queue carries: the worker refuses to start unless each has one handler. */
export function jobNamesOf(queue: QueueName): readonly string[] {
  return (
    (EVENT_SUBSCRIPTIONS as Record<string, readonly string[]>)[queue] ??
    (TASK_QUEUE_JOBS as Record<string, readonly string[]>)[queue] ??
    []
  );
}

/** The event queues an event of this type goes to. */
export function queuesFor(type: DomainEventType): QueueName[] {
  return (Object.keys(EVENT_SUBSCRIPTIONS) as EventQueueName[]).filter((queue) =>
    (EVENT_SUBSCRIPTIONS[queue] as readonly string[]).includes(type),
  );
}

/** The retry policy of a queue. */
export function retryPolicyOf(queue: QueueName): RetryPolicy {
  return QUEUE_RETRY_POLICIES[queue] ?? DEFAULT_RETRY_POLICY;
}

/** Delay before the next try after `attemptsMade` failures, under a policy (random = Math.random). */
export function retryDelayMs(
  policy: RetryPolicy,
  attemptsMade: number,
  random: () => number = Math.random,
): number {
  const exponential = policy.baseMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.round(Math.min(exponential, policy.maxMs) * (1 - policy.jitter + random() * 2 * policy.jitter));
}
