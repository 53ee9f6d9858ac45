// A person's notification preferences per event type and channel. The whole request is checked
// before anything is written, and written in one transaction: bad input changes nothing.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDomainEventType } from '@lattice/shared-contracts';
import { PreferenceRepository } from '@lattice/notifications-data-access';
import { NotificationErrors } from '../inbox/inbox.service';
import {
  ANY_EVENT,
  applicable,
  CHANNELS,
  EMAIL_MODES,
  type EmailMode,
  PERSON_CHANNELS,
  type PersonChannel,
  routedEventTypes,
  ruleFor,
  type StoredPreference,
} from '@lattice/notifications-domain';

export interface PreferenceChange {
  readonly eventType: string;
  readonly channel: string;
  readonly enabled?: boolean | null;
  readonly emailMode?: string | null;
}

export interface EffectivePreference extends StoredPreference {
  /** False when this is the default (nothing stored). */
  readonly custom: boolean;
}

const MAX_CHANGES = 200;

@Injectable()
export class PreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: PreferenceRepository,
  ) {}

  /** Every (routed event type, channel) a person can hear on, plus any "*" preferences, with what applies. */
  async list(userId: string): Promise<EffectivePreference[]> {
    const stored = await this.stored(userId);
    const result: EffectivePreference[] = [];
    for (const pref of stored.filter((p) => p.eventType === ANY_EVENT))
      result.push({ ...pref, custom: true });
    for (const eventType of routedEventTypes()) {
      for (const channel of ruleFor(eventType)?.channels ?? []) {
        const own = stored.find((p) => p.eventType === eventType && p.channel === channel);
        const inherited = applicable(stored, eventType, channel);
        const base = inherited ?? {
          eventType,
          channel,
          enabled: true,
          emailMode: channel === 'EMAIL' ? ('IMMEDIATE' as const) : null,
        };
        result.push({ ...base, eventType, custom: own !== undefined });
      }
    }
    return result;
  }

  async update(userId: string, changes: readonly PreferenceChange[]): Promise<EffectivePreference[]> {
    const normalized = validate(changes);
    await this.dataSource.transaction(async (manager) => {
      for (const pref of normalized) {
        await this.preferences.save(manager, userId, pref);
      }
    });
    return normalized.map((pref) => ({ ...pref, custom: true }));
  }

  private async stored(userId: string): Promise<StoredPreference[]> {
    const rows = await this.preferences.of(userId);
    return rows.map((row) => ({
      eventType: row.eventType,
      channel: row.channel,
      enabled: row.enabled,
      emailMode: row.emailMode,
    }));
  }
}

/** Checks every change and returns them normalized (e-mail: enabled ⇔ mode ≠ OFF), or throws BAD_USER_INPUT. */
export function validate(changes: readonly PreferenceChange[]): StoredPreference[] {
  if (changes.length === 0 || changes.length > MAX_CHANGES)
    throw NotificationErrors.of('INVALID_PREFERENCE', `Send between 1 and ${MAX_CHANGES} preferences.`);
  const seen = new Set<string>();
  return changes.map((change, index) => {
    if (change.eventType !== ANY_EVENT && !isDomainEventType(change.eventType)) {
      throw NotificationErrors.of('UNKNOWN_EVENT_TYPE', `Unknown event type "${change.eventType}".`, {
        index,
        eventType: change.eventType,
      });
    }
    if (!(PERSON_CHANNELS as readonly string[]).includes(change.channel)) {
      const known = (CHANNELS as readonly string[]).includes(change.channel);
      throw NotificationErrors.of(
        'UNKNOWN_CHANNEL',
        known
          ? `${change.channel} is set per organization (createWebhookSubscription), not per person.`
          : `Unknown channel "${change.channel}"; use IN_APP or EMAIL.`,
        { index, channel: change.channel },
      );
    }
    const key = `${change.eventType}|${change.channel}`;
    if (seen.has(key))
      throw NotificationErrors.of(
        'INVALID_PREFERENCE',
        `The preference for ${change.eventType} on ${change.channel} appears twice.`,
        { index },
      );
    seen.add(key);
    const channel = change.channel as PersonChannel;
    const mode = change.emailMode ?? null;
    if (channel === 'IN_APP') {
      if (mode !== null)
        throw NotificationErrors.of('INVALID_PREFERENCE', 'emailMode applies to the EMAIL channel only.', {
          index,
        });
      if (change.enabled === null || change.enabled === undefined)
        throw NotificationErrors.of('INVALID_PREFERENCE', 'Say whether IN_APP is enabled.', { index });
      return { eventType: change.eventType, channel, enabled: change.enabled, emailMode: null };
    }
    if (mode !== null && !(EMAIL_MODES as readonly string[]).includes(mode))
      throw NotificationErrors.of('INVALID_PREFERENCE', `Unknown e-mail mode "${mode}".`, { index });
    const emailMode: EmailMode =
      (mode as EmailMode | null) ??
      (change.enabled === false ? 'OFF' : change.enabled === true ? 'IMMEDIATE' : 'IMMEDIATE');
    if (mode === null && (change.enabled === null || change.enabled === undefined))
      throw NotificationErrors.of('INVALID_PREFERENCE', 'Give emailMode or enabled for EMAIL.', { index });
    if (
      mode !== null &&
      change.enabled !== null &&
      change.enabled !== undefined &&
      change.enabled !== (mode !== 'OFF')
    ) {
      throw NotificationErrors.of('INVALID_PREFERENCE', 'enabled and emailMode disagree.', { index });
    }
    return { eventType: change.eventType, channel, enabled: emailMode !== 'OFF', emailMode };
  });
}
