// How a person's stored preferences decide each channel of one event. Pure, so it is tested alone.
import type { PersonChannel } from '../routing/routing-rules';

export const EMAIL_MODES = ['IMMEDIATE', 'DAILY_DIGEST', 'OFF'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
/** Every event type: a preference stored for "*" applies where no type-specific one exists. */
export const ANY_EVENT = '*';

export interface StoredPreference {
  readonly eventType: string;
  readonly channel: PersonChannel;
  readonly enabled: boolean;
  readonly emailMode: EmailMode | null;
}

export type InitialStatus = 'PENDING' | 'DIGEST' | 'SKIPPED';

/** The preference that applies: the event type's own, else the "*" one, else none (defaults). */
export function applicable(
  prefs: readonly StoredPreference[],
  eventType: string,
  channel: PersonChannel,
): StoredPreference | undefined {
  return (
    prefs.find((p) => p.channel === channel && p.eventType === eventType) ??
    prefs.find((p) => p.channel === channel && p.eventType === ANY_EVENT)
  );
}

/** By default in-app and immediate e-mail; preferences may turn a channel off or batch e-mail into a daily digest. */
export function initialStatus(
  prefs: readonly StoredPreference[],
  eventType: string,
  channel: PersonChannel,
): InitialStatus {
  const pref = applicable(prefs, eventType, channel);
  if (!pref) return 'PENDING';
  if (!pref.enabled) return 'SKIPPED';
  if (channel === 'EMAIL') {
    if (pref.emailMode === 'OFF') return 'SKIPPED';
    if (pref.emailMode === 'DAILY_DIGEST') return 'DIGEST';
  }
  return 'PENDING';
}
