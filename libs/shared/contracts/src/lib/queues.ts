// Queue and job names with their payload types, declared once for producers and consumers.
// Each consuming service has its own events queue and says which event types it hears; the
// outbox relay fans an event out to every queue that subscribes to its type (jobId = event id).
import { DOMAIN_EVENT_TYPES, type DomainEvent, type DomainEventType } from './events';

export const EVENT_SUBSCRIPTIONS = {
  /** Notifications keeps its own replica of identity data for resolving recipients. */
  'notifications-events': DOMAIN_EVENT_TYPES.filter((type) => type.startsWith('identity.')),
} as const satisfies Record<string, readonly DomainEventType[]>;

export type EventQueueName = keyof typeof EVENT_SUBSCRIPTIONS;
type SubscribedTypes<Q extends EventQueueName> = (typeof EVENT_SUBSCRIPTIONS)[Q][number];

export type QueueJobs = {
  [Q in EventQueueName]: { [T in SubscribedTypes<Q>]: DomainEvent<T> };
};

export type QueueName = keyof QueueJobs;
export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = QueueJobs[Q][J];

export const QUEUE_NAMES = Object.keys(EVENT_SUBSCRIPTIONS) as QueueName[];

/** Every job name a queue carries: the worker refuses to start unless each has one handler. */
export function jobNamesOf(queue: QueueName): readonly string[] {
  return EVENT_SUBSCRIPTIONS[queue];
}

/** The queues an event of this type goes to. */
export function queuesFor(type: DomainEventType): QueueName[] {
  return QUEUE_NAMES.filter((queue) => (EVENT_SUBSCRIPTIONS[queue] as readonly string[]).includes(type));
}
